package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.HttpDates;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** If-Modified-Since: equal, later, earlier, invalid, the three date formats, HEAD, a missing file, beside If-None-Match. */
final class ConditionalCases {
    private static final String WHY_304 = "Revalidation with If-Modified-Since is how browsers avoid re-downloading unchanged files.";
    private static final String WHY_200 = "A 304 for a changed or unknown state leaves the client with a stale or missing copy.";

    private ConditionalCases() {
    }

    static List<ConformanceCase> cases() {
        Duration day = Duration.ofDays(1);
        return List.of(
                notModified("ims-equal-is-304", "If-Modified-Since equal to Last-Modified answers 304",
                        HttpDates::imfFixdate, Fixture.MTIME.toString(), "last-modified-is-mtime"),
                notModified("ims-later-is-304", "If-Modified-Since later than Last-Modified answers 304",
                        t -> HttpDates.imfFixdate(t.plus(day)), "a day after the mtime", "last-modified-is-mtime"),
                notModified("ims-rfc850-date", "If-Modified-Since in RFC 850 format is understood",
                        HttpDates::rfc850, "RFC 850 format", "ims-equal-is-304"),
                notModified("ims-asctime-date", "If-Modified-Since in asctime format is understood",
                        HttpDates::asctime, "asctime format", "ims-equal-is-304"),
                ConformanceCase.define("ims-earlier-is-200", "If-Modified-Since before Last-Modified answers 200 with the file",
                                "RFC 9110 §13.1.3", MUST)
                        .accepts("200 with index.html, byte-exact").dependsOn(ContentCases.BASE).why(WHY_200)
                        .check(ctx -> full(ctx, "If-Modified-Since: " + HttpDates.imfFixdate(Fixture.MTIME.minus(day)))),
                ConformanceCase.define("ims-invalid-ignored", "an unparseable If-Modified-Since is ignored",
                                "RFC 9110 §13.1.3", MUST)
                        .accepts("200 with index.html, byte-exact (a recipient MUST ignore an invalid date)")
                        .dependsOn(ContentCases.BASE).why(WHY_200)
                        .check(ctx -> full(ctx, "If-Modified-Since: yesterday-ish, not a date")),
                ConformanceCase.define("ims-ignored-with-inm", "If-Modified-Since is ignored when If-None-Match is present",
                                "RFC 9110 §13.1.3, §13.2.2", MUST)
                        .accepts("200 with the file for a non-matching If-None-Match, whatever If-Modified-Since says")
                        .dependsOn(ContentCases.BASE).why("Entity tags are the stronger validator; a date must not override them.")
                        .check(ctx -> full(ctx, "If-None-Match: \"kit-no-such-etag\"",
                                "If-Modified-Since: " + HttpDates.imfFixdate(Fixture.MTIME))),
                ConformanceCase.define("ims-on-head-is-304", "HEAD with a matching If-Modified-Since answers 304",
                                "RFC 9110 §13.1.3, §9.3.2", SHOULD).courseLevel(MUST)
                        .accepts("304 with no content").dependsOn("last-modified-is-mtime").why(WHY_304)
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.request("HEAD", ctx.path("index.html"),
                                    "If-Modified-Since: " + HttpDates.imfFixdate(Fixture.MTIME)), true);
                            return Expect.is(o, 304) ? Verdict.pass("304")
                                    : Verdict.breach("expected 304, got " + Expect.describe(ctx, o));
                        }),
                ConformanceCase.define("ims-on-missing-is-404", "If-Modified-Since on a missing file still answers 404",
                                "RFC 9110 §13.2.1", MUST)
                        .accepts("404").dependsOn("missing-is-404")
                        .why("Preconditions are ignored when the answer would not be 2xx: a 304 for a missing file is a lie.")
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path(Fixture.MISSING),
                                    "If-Modified-Since: " + HttpDates.imfFixdate(Fixture.MTIME.plus(day))));
                            return Expect.is(o, 404) ? Verdict.pass("404")
                                    : Verdict.breach("expected 404, got " + Expect.describe(ctx, o));
                        }),
                ConformanceCase.define("not-modified-no-body", "a 304 ends at its head (pipelined 304 then GET)",
                                "RFC 9110 §15.4.5; RFC 9112 §6.3", MUST)
                        .accepts("304, then the next pipelined response immediately").dependsOn("ims-equal-is-304")
                        .why("A 304 cannot contain content; stray bytes corrupt the next response on the connection.")
                        .check(ConditionalCases::pipelined304));
    }

    private static ConformanceCase notModified(String id, String title, Function<java.time.Instant, String> date,
                                               String what, String dependsOn) {
        return ConformanceCase.define(id, title, "RFC 9110 §13.1.3, §5.6.7", SHOULD).courseLevel(MUST)
                .accepts("304 for If-Modified-Since = " + what).dependsOn(dependsOn).why(WHY_304)
                .check(ctx -> {
                    String value = date.apply(Fixture.MTIME);
                    WireOutcome o = ctx.exchange(ctx.get(ctx.path("index.html"), "If-Modified-Since: " + value));
                    return Expect.is(o, 304) ? Verdict.pass("304 for \"" + value + "\"")
                            : Verdict.breach("If-Modified-Since: " + value + " got " + Expect.describe(ctx, o) + ", expected 304");
                });
    }

    static Verdict full(CaseContext ctx, String... fields) throws IOException {
        return Expect.exactFile(ctx, ctx.exchange(ctx.get(ctx.path("index.html"), fields)), "index.html", false);
    }

    private static Verdict pipelined304(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        c.send(ctx.keepAlive("GET", ctx.path("index.html"), "If-Modified-Since: " + HttpDates.imfFixdate(Fixture.MTIME))
                + ctx.get(ctx.path("text.txt")));
        WireOutcome first = c.read();
        if (!Expect.is(first, 304)) {
            return Verdict.skip("no 304 this time: " + Expect.describe(ctx, first));
        }
        WireOutcome next = c.read();
        if (next instanceof WireOutcome.Garbled g) {
            return Verdict.breach("bytes after the 304 are not a response (the 304 carried content?): " + g.problem());
        }
        if (next instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED && s.partialBytes() == 0) {
            return Verdict.pass("the 304 carried no content; the server then closed the connection");
        }
        Verdict v = Expect.exactFile(ctx, next, "text.txt", false);
        if (v instanceof Verdict.Skip) {
            return v;
        }
        return v instanceof Verdict.Breach b ? Verdict.breach("the response after the 304 was wrong: " + b.reason())
                : Verdict.pass("304 ended at its head; the pipelined GET followed intact");
    }
}
