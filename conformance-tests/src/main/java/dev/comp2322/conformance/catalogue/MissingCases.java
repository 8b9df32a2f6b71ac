package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.Framing;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A missing file: 404 with an explanation, self-delimited, and the same on HEAD minus the body. */
final class MissingCases {
    private MissingCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("missing-is-404", "GET of a missing file answers 404", "RFC 9110 §15.5.5", MUST)
                        .accepts("404").dependsOn(ContentCases.BASE)
                        .why("Clients, caches and crawlers act on the status code: a missing file must say so.")
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path(Fixture.MISSING)));
                            return Expect.is(o, 404) ? Verdict.pass("404")
                                    : Verdict.breach("expected 404, got " + Expect.describe(ctx, o));
                        }),
                ConformanceCase.define("missing-has-html-body", "the 404 response explains itself in HTML",
                                "RFC 9110 §15.5", SHOULD)
                        .accepts("404 with a non-empty text/html body").dependsOn("missing-is-404")
                        .why("A person who followed a broken link should see a page, not a blank screen.")
                        .check(MissingCases::htmlBody),
                ConformanceCase.define("content-length-on-404", "the 404 response is self-delimiting",
                                "RFC 9112 §6.3", SHOULD)
                        .accepts("404 with Content-Length (or chunked)").dependsOn("missing-is-404")
                        .why("An error body without a length forces a close and breaks the connection for the next request.")
                        .check(MissingCases::delimited),
                ConformanceCase.define("head-404", "HEAD of a missing file: 404, GET's length, no content",
                                "RFC 9110 §9.3.2", MUST)
                        .accepts("404 with no content; Content-Length equal to GET's, if sent").dependsOn("missing-is-404")
                        .why("HEAD is GET without the body on errors too; a body here corrupts the connection.")
                        .check(MissingCases::head));
    }

    private static Verdict htmlBody(CaseContext ctx) throws IOException {
        WireResponse r = Expect.response(ctx.exchange(ctx.get(ctx.path(Fixture.MISSING)))).orElse(null);
        if (r == null || r.status() != 404) {
            return Verdict.skip("the 404 did not repeat");
        }
        if (r.bodyLength() == 0) {
            return Verdict.breach("the 404 has an empty body");
        }
        return Expect.mediaType(r).equals("text/html") ? Verdict.pass("404 with " + r.bodyLength() + " bytes of HTML")
                : Verdict.breach("the 404 body is " + r.header("Content-Type").orElse("untyped") + ", not text/html");
    }

    private static Verdict delimited(CaseContext ctx) throws IOException {
        WireResponse r = Expect.response(ctx.exchange(ctx.get(ctx.path(Fixture.MISSING)))).orElse(null);
        if (r == null || r.status() != 404) {
            return Verdict.skip("the 404 did not repeat");
        }
        return r.framing() == Framing.LENGTH || r.framing() == Framing.CHUNKED
                ? Verdict.pass("404 framed by " + r.framing())
                : Verdict.breach("the 404 body is framed by " + r.framing() + ", not by Content-Length or chunked");
    }

    private static Verdict head(CaseContext ctx) throws IOException {
        Optional<WireResponse> get = Expect.response(ctx.exchange(ctx.get(ctx.path(Fixture.MISSING))));
        WireConnection c = ctx.open();
        c.send(ctx.request("HEAD", ctx.path(Fixture.MISSING)));
        WireOutcome o = c.read(true);
        if (!Expect.is(o, 404)) {
            return Verdict.breach("expected 404, got " + Expect.describe(ctx, o));
        }
        WireConnection.AfterResponse after = c.awaitClose();
        if (after.state() == WireConnection.AfterResponse.State.EXTRA_BYTES) {
            return Verdict.breach("content followed the HEAD 404: " + after.extra());
        }
        Optional<String> length = Expect.response(o).orElseThrow().header("Content-Length");
        if (length.isPresent() && get.isPresent() && get.get().status() == 404
                && !length.get().trim().equals(Integer.toString(get.get().bodyLength()))) {
            return Verdict.warn("HEAD says Content-Length: " + length.get() + " but GET's 404 has "
                    + get.get().bodyLength() + " bytes (RFC 9110 §9.3.2 SHOULD send the same fields)");
        }
        return Verdict.pass("404 without content");
    }
}
