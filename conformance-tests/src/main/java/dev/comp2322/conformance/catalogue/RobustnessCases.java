package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.wire.Framing;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** What a server does with requests that go wrong: an error response the client can delimit, a head that never ends. */
final class RobustnessCases {
    /** How long a half-sent head is given before the server is said to hold it "forever": 3 × the timeout. */
    static final int SLOW_HEAD_FACTOR = 3;

    private RobustnessCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("error-response-delimited", "a 400 is length-delimited or followed by a close",
                                "RFC 9112 §6.3", MUST)
                        .accepts("400 with Content-Length or chunked, or a 400 whose content ends when the server closes")
                        .dependsOn("request-line-extra-token")
                        .why("RFC 9112 §6.3: without Content-Length or chunked \"the message body length is determined by"
                                + " the number of octets received prior to the server closing the connection\"; a 400 with"
                                + " neither that stays open never ends for the client.")
                        .check(RobustnessCases::delimitedError),
                ConformanceCase.define("slow-head-closed", "a head that stops half-way is not held open forever",
                                "RFC 9112 §9.5; RFC 9110 §15.5.9", SHOULD).exclusive()
                        .accepts("a close (a 408 or 400 first is fine) within " + SLOW_HEAD_FACTOR + " × the timeout")
                        .dependsOn(ContentCases.BASE)
                        .why("RFC 9112 §9.5: \"Servers will usually have some timeout value beyond which they will no longer"
                                + " maintain an inactive connection\"; a server that waits forever for the rest of a head is"
                                + " exhausted by a few slow clients (slowloris).")
                        .check(RobustnessCases::slowHead));
    }

    private static Verdict delimitedError(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        // No Connection: close, so only the response's own framing (or a close) can end it.
        c.send("GET " + ctx.path("index.html") + " HTTP/1.1 kit-extra\r\nHost: " + ctx.host() + "\r\n\r\n");
        WireOutcome o = c.read();
        if (!Expect.is(o, 400)) {
            return Verdict.skip("the malformed request was not answered 400 this time: " + Expect.describe(ctx, o));
        }
        WireResponse r = Expect.response(o).orElseThrow();
        boolean declared = r.header("Content-Length").isPresent() || r.header("Transfer-Encoding").isPresent();
        if (declared || r.framing() == Framing.CLOSE) {
            return Verdict.pass("400 delimited by " + (declared ? r.framing() : "the server's close"));
        }
        return Verdict.breach("the 400 has neither Content-Length nor chunked and the connection stayed open for "
                + CaseContext.seconds(ctx.timeout()) + ": the client cannot tell where it ends");
    }

    private static Verdict slowHead(CaseContext ctx) throws IOException {
        Duration wait = ctx.timeout().multipliedBy(SLOW_HEAD_FACTOR);
        WireConnection c = ctx.open();
        long start = System.nanoTime();
        c.send("GET " + ctx.path("index.html") + " HTTP/1.1\r\nHost: " + ctx.host() + "\r\nX-Kit-Slow: ");
        WireOutcome o = c.read(false, wait);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (o instanceof WireOutcome.Received r) {
            WireConnection.AfterResponse after = c.awaitClose();
            return after.state() == WireConnection.AfterResponse.State.CLOSED
                    ? Verdict.pass("answered " + r.response().status() + " after " + millis + " ms and closed")
                    : Verdict.breach("answered " + r.response().status() + " to half a head but kept the connection open");
        }
        if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED) {
            return Verdict.pass("closed the connection " + millis + " ms after the head stopped half-way");
        }
        return Verdict.breach("the connection was still open " + CaseContext.seconds(wait) + " after the head stopped"
                + " half-way: no request-head timeout below that (slowloris exposure)");
    }
}
