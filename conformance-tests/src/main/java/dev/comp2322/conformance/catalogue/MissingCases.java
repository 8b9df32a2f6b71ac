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
                ConformanceCase.define("missing-has-explanation", "the 404 response explains the error in its content",
                                "RFC 9110 §15.5", SHOULD)
                        .accepts("404 with non-empty content (HTML, plain text or any other type)").dependsOn("missing-is-404")
                        .why("RFC 9110 §15.5: \"the server SHOULD send a representation containing an explanation of the"
                                + " error situation\"; a person who followed a broken link should not see a blank screen.")
                        .check(MissingCases::explained),
                ConformanceCase.define("content-length-on-404", "the 404 response is self-delimiting",
                                "RFC 9110 §8.6; RFC 9112 §6.3", SHOULD)
                        .accepts("404 with Content-Length (or chunked)").dependsOn("missing-is-404")
                        .why("RFC 9110 §8.6: \"an origin server SHOULD send a Content-Length header field when the content size"
                                + " is known\"; an error body without a length forces a close and loses the connection.")
                        .check(MissingCases::delimited),
                ConformanceCase.define("head-404", "HEAD of a missing file: 404, GET's length, no content",
                                "RFC 9110 §9.3.2", MUST)
                        .accepts("404 with no content; Content-Length equal to GET's, if sent").dependsOn("missing-is-404")
                        .why("RFC 9110 §8.6: a HEAD response MUST NOT carry a Content-Length other than GET's, on errors too;"
                                + " a body here corrupts the connection.")
                        .check(MissingCases::head));
    }

    private static Verdict explained(CaseContext ctx) throws IOException {
        WireResponse r = Expect.response(ctx.exchange(ctx.get(ctx.path(Fixture.MISSING)))).orElse(null);
        if (r == null || r.status() != 404) {
            return Verdict.skip("the 404 did not repeat");
        }
        // §15.5 asks for an explanation, not for HTML: text/plain explains as well.
        return r.bodyLength() == 0 ? Verdict.breach("the 404 has empty content: no explanation of the error")
                : Verdict.pass("404 with " + r.bodyLength() + " bytes of " + r.header("Content-Type").orElse("untyped content"));
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
        Optional<WireResponse> get = Expect.response(ctx.aside(ctx.get(ctx.path(Fixture.MISSING))));
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
            return Verdict.breach("HEAD says Content-Length: " + length.get() + " but GET's 404 has "
                    + get.get().bodyLength() + " bytes (RFC 9110 §8.6: MUST NOT unless it equals GET's length)");
        }
        return Verdict.pass("404 without content");
    }
}
