package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.HttpDates;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import dev.comp2322.conformance.wire.WireResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.List;
import java.util.function.Function;

/** If-Modified-Since: equal, later, earlier, invalid, the three date formats, HEAD, a missing file, beside If-None-Match. */
final class ConditionalCases {
    private static final String WHY_304 = "RFC 9110 §13.1.3: the condition is false \"if the selected representation's last"
            + " modification date is earlier or equal to the date provided in the field value\", and §13.2.2 then answers 304;"
            + " revalidation is how browsers avoid re-downloading unchanged files.";
    private static final String WHY_200 = "RFC 9110 §13.1.3: \"A recipient MUST ignore the If-Modified-Since header field if the"
            + " received field value is not a valid HTTP-date\"; a 304 for a changed or unknown state leaves the client with a"
            + " stale or missing copy.";

    private ConditionalCases() {
    }

    static List<ConformanceCase> cases() {
        Duration day = Duration.ofDays(1);
        return List.of(
                notModified("ims-equal-is-304", "If-Modified-Since equal to Last-Modified answers 304",
                        HttpDates::imfFixdate, "Last-Modified", ContentCases.BASE),
                notModified("ims-later-is-304", "If-Modified-Since later than Last-Modified answers 304",
                        t -> HttpDates.imfFixdate(t.plus(day)), "a day after Last-Modified", ContentCases.BASE),
                notModified("ims-rfc850-date", "If-Modified-Since in RFC 850 format is understood",
                        HttpDates::rfc850, "Last-Modified in RFC 850 format", "ims-equal-is-304"),
                notModified("ims-asctime-date", "If-Modified-Since in asctime format is understood",
                        HttpDates::asctime, "Last-Modified in asctime format", "ims-equal-is-304"),
                ConformanceCase.define("ims-equal-fractional-mtime",
                                "If-Modified-Since equal to Last-Modified answers 304 for a file modified at x.750 s",
                                "RFC 9110 §13.1.3, §8.8.2", SHOULD).courseLevel(MUST)
                        .accepts("304 for " + Fixture.FRACTIONAL + " (mtime " + Fixture.FRACTIONAL_MTIME + ") when"
                                + " If-Modified-Since is its own Last-Modified").dependsOn("ims-equal-is-304")
                        .why("RFC 9110 §13.1.3: the condition is false \"if the selected representation's last modification"
                                + " date is earlier or equal to the date provided\"; Last-Modified has whole seconds, so a"
                                + " server comparing the raw sub-second mtime never answers 304 for most files.")
                        .check(ctx -> {
                            Optional<Verdict> skip = equalFails(ctx);
                            if (skip.isPresent()) {
                                return skip.get();
                            }
                            String value = HttpDates.imfFixdate(validator(ctx, Fixture.FRACTIONAL));
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path(Fixture.FRACTIONAL), "If-Modified-Since: " + value));
                            return Expect.is(o, 304) ? Verdict.pass("304 for \"" + value + "\"")
                                    : Verdict.breach("If-Modified-Since: " + value + " (the file's own Last-Modified) got "
                                    + Expect.describe(ctx, o) + ", expected 304: the sub-second part of the mtime was compared");
                        }),
                ConformanceCase.define("ims-lowercase-field-name", "a lower-case if-modified-since: field is understood",
                                "RFC 9110 §5.1, §13.1.3", SHOULD).courseLevel(MUST)
                        .accepts("304 for \"if-modified-since: <Last-Modified>\"").dependsOn("ims-equal-is-304")
                        .why("RFC 9110 §5.1: \"Field names are case-insensitive\"; HTTP/2 gateways and many clients send"
                                + " lower-case names.")
                        .check(ctx -> {
                            Optional<Verdict> skip = equalFails(ctx);
                            if (skip.isPresent()) {
                                return skip.get();
                            }
                            String value = HttpDates.imfFixdate(validator(ctx, "index.html"));
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path("index.html"), "if-modified-since: " + value));
                            return Expect.is(o, 304) ? Verdict.pass("304 for \"if-modified-since: " + value + "\"")
                                    : Verdict.breach("if-modified-since: " + value + " got " + Expect.describe(ctx, o)
                                    + ", expected 304 (the field name was matched case-sensitively?)");
                        }),
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
                        .check(ConditionalCases::imsBesideInm),
                ConformanceCase.define("ims-on-head-is-304", "HEAD with a matching If-Modified-Since answers 304",
                                "RFC 9110 §13.1.3, §9.3.2", SHOULD).courseLevel(MUST)
                        .accepts("304 with no content").dependsOn("ims-equal-is-304").why(WHY_304)
                        .check(ctx -> {
                            Optional<Verdict> skip = equalFails(ctx);
                            if (skip.isPresent()) {
                                return skip.get();
                            }
                            WireOutcome o = ctx.exchange(ctx.request("HEAD", ctx.path("index.html"),
                                    "If-Modified-Since: " + HttpDates.imfFixdate(validator(ctx, "index.html"))), true);
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
                ConformanceCase.define("not-modified-no-body", "a 304 ends at its head (304, then a GET on the same connection)",
                                "RFC 9110 §15.4.5; RFC 9112 §6.3", MUST)
                        .accepts("304, then the next request's response on the same connection, intact (or a close)").dependsOn("ims-equal-is-304")
                        .why("RFC 9110 §15.4.5: \"A 304 response is terminated by the end of the header section; it cannot"
                                + " contain content or trailers\"; stray bytes corrupt the next response on the connection.")
                        .check(ConditionalCases::pipelined304),
                ConformanceCase.define("not-modified-content-length", "a 304 carries no Content-Length other than the 200's",
                                "RFC 9110 §8.6", MUST)
                        .accepts("304 without Content-Length, or with the 200's length").dependsOn("ims-equal-is-304")
                        .why("RFC 9110 §8.6: a server \"MUST NOT send Content-Length in such a response unless its field value"
                                + " equals the decimal number of octets that would have been sent in the content of a 200 (OK)"
                                + " response to the same request\"; a cache would store the wrong length.")
                        .check(ConditionalCases::notModifiedLength));
    }

    private static ConformanceCase notModified(String id, String title, Function<java.time.Instant, String> date,
                                               String what, String dependsOn) {
        return ConformanceCase.define(id, title, "RFC 9110 §13.1.3, §5.6.7", SHOULD).courseLevel(MUST)
                .accepts("304 for If-Modified-Since = " + what).dependsOn(dependsOn).why(WHY_304)
                .check(ctx -> {
                    if (!id.equals("ims-equal-is-304")) {
                        Optional<Verdict> skip = equalFails(ctx);
                        if (skip.isPresent()) {
                            return skip.get();
                        }
                    }
                    String value = date.apply(validator(ctx, "index.html"));
                    WireOutcome o = ctx.exchange(ctx.get(ctx.path("index.html"), "If-Modified-Since: " + value));
                    return Expect.is(o, 304) ? Verdict.pass("304 for \"" + value + "\"")
                            : Verdict.breach("If-Modified-Since: " + value + " got " + Expect.describe(ctx, o) + ", expected 304");
                });
    }

    /**
     * The date a client would echo: the server's own Last-Modified when it is an IMF-fixdate, otherwise the
     * fixture's known mtime in whole seconds. So a wrong Last-Modified format (date-format's fault) never hides
     * whether the server honours If-Modified-Since.
     */
    static Instant validator(CaseContext ctx, String file) throws IOException {
        return Expect.response(ctx.aside(ctx.get(ctx.path(file)))).filter(r -> r.status() == 200)
                .flatMap(r -> r.header("Last-Modified")).flatMap(HttpDates::parseImfFixdate)
                .orElse(ctx.fixture().mtime(file).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The other If-Modified-Since cases refine the plain one: when even an If-Modified-Since equal to
     * Last-Modified gets no 304 (ims-equal-is-304's fault, a WARN in rfc, so its dependants still run), they
     * have nothing of their own to judge and are skipped with that reason.
     */
    static Optional<Verdict> equalFails(CaseContext ctx) throws IOException {
        String value = HttpDates.imfFixdate(validator(ctx, "index.html"));
        WireOutcome o = ctx.aside(ctx.get(ctx.path("index.html"), "If-Modified-Since: " + value));
        return Expect.is(o, 304) ? Optional.empty() : Optional.of(Verdict.skip("even If-Modified-Since equal to"
                + " Last-Modified got " + Expect.describe(ctx, o) + " (ims-equal-is-304 reports it), so this case has"
                + " nothing of its own to judge"));
    }

    private static Verdict imsBesideInm(CaseContext ctx) throws IOException {
        String inm = "If-None-Match: \"kit-no-such-etag\"";
        if (!Expect.is(ctx.aside(ctx.get(ctx.path("index.html"), inm)), 200)) {
            return Verdict.skip("a non-matching If-None-Match alone is not answered 200 (inm-no-match-is-200 reports it)");
        }
        return full(ctx, inm, "If-Modified-Since: " + HttpDates.imfFixdate(validator(ctx, "index.html")));
    }

    private static Verdict notModifiedLength(CaseContext ctx) throws IOException {
        Optional<WireResponse> full = Expect.response(ctx.aside(ctx.get(ctx.path("index.html")))).filter(r -> r.status() == 200);
        int length = full.map(WireResponse::bodyLength).orElse(ctx.fixture().bytes("index.html").length);
        String value = HttpDates.imfFixdate(validator(ctx, "index.html"));
        Optional<WireResponse> r = Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"), "If-Modified-Since: " + value)));
        if (r.isEmpty() || r.get().status() != 304) {
            return Verdict.skip("no 304 this time");
        }
        Optional<String> cl = r.get().header("Content-Length");
        if (cl.isPresent() && !cl.get().trim().equals(Integer.toString(length))) {
            return Verdict.breach("the 304 says Content-Length: " + cl.get() + " but the 200 has " + length + " bytes");
        }
        return Verdict.pass("304 with " + cl.map(v -> "Content-Length: " + v).orElse("no Content-Length"));
    }

    static Verdict full(CaseContext ctx, String... fields) throws IOException {
        return Expect.file(ctx, ctx.exchange(ctx.get(ctx.path("index.html"), fields)), "index.html", false);
    }

    /**
     * The 304 is read, then the next request is sent on the same connection: content after the 304 arrives
     * before the next response. Sequential rather than pipelined, so pipelining faults are not blamed here.
     */
    private static Verdict pipelined304(CaseContext ctx) throws IOException {
        String value = HttpDates.imfFixdate(validator(ctx, "index.html"));
        WireConnection c = ctx.open();
        c.send(ctx.keepAlive("GET", ctx.path("index.html"), "If-Modified-Since: " + value));
        WireOutcome first = c.read();
        if (!Expect.is(first, 304)) {
            return Verdict.skip("no 304 this time: " + Expect.describe(ctx, first));
        }
        try {
            c.send(ctx.get(ctx.path("text.txt")));
        } catch (IOException e) {
            return Verdict.pass("the 304 carried no content; the server then closed the connection");
        }
        WireOutcome next = c.read();
        if (next instanceof WireOutcome.Garbled g) {
            return Verdict.breach("bytes after the 304 are not a response (the 304 carried content?): " + g.problem());
        }
        if (next instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED && s.partialBytes() == 0) {
            return Verdict.pass("the 304 carried no content; the server then closed the connection");
        }
        Verdict v = Expect.file(ctx, next, "text.txt", false);
        if (v instanceof Verdict.Skip) {
            return v;
        }
        return v instanceof Verdict.Pass ? Verdict.pass("304 ended at its head; the next GET on the connection was intact")
                : Verdict.breach("the response after the 304 was wrong: " + Expect.reason(v));
    }
}
