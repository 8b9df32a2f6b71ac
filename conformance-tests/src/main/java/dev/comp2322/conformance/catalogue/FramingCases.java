package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.util.List;

/** Request bodies on GET: Content-Length, chunked, both, invalid lengths, unknown codings. */
final class FramingCases {
    private static final String WHY_SMUGGLING = "RFC 9112 §6.3: with an invalid length or coding \"the server MUST respond with"
            + " the 400 (Bad Request) status code and then close the connection\"; if the server and a proxy frame a body"
            + " differently, a request can be smuggled past the proxy.";
    private static final String WHY_GET_BODY = "RFC 9110 §9.3.1: content in a GET \"might lead some implementations to reject"
            + " the request and close the connection because of its potential as a request smuggling attack\"; what the"
            + " server must never do is answer the body as a request.";

    private FramingCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("get-body-content-length", "a GET with a Content-Length body: the body is not a request",
                                "RFC 9112 §6.3, §9.3", MUST)
                        .accepts("200 text.txt, then 200 index.html for the next request on the connection; or a close after the first;"
                                + " or 400 then a close").dependsOn(ContentCases.BASE).why(WHY_GET_BODY)
                        .check(ctx -> bodyIsNotARequest(ctx, false)),
                ConformanceCase.define("get-body-chunked", "a GET with a chunked body is framed by the chunks",
                                "RFC 9112 §7.1, §6.3", MUST)
                        .accepts("200 then 200 on one connection; or 400 then a close").dependsOn(ContentCases.BASE)
                        .why(WHY_GET_BODY)
                        .check(ctx -> bodyIsNotARequest(ctx, true)),
                ConformanceCase.define("cl-and-te", "Content-Length with Transfer-Encoding: reject or use chunked, then close",
                                "RFC 9112 §6.3", MUST)
                        .accepts("400 or 200, then a close; the request hidden in the body is never answered")
                        .dependsOn(ContentCases.BASE).why(WHY_SMUGGLING)
                        .check(FramingCases::clAndTe),
                badLength("cl-not-a-number", "Content-Length: abc", "Content-Length: abc"),
                badLength("cl-negative", "Content-Length: -1", "Content-Length: -1"),
                badLength("cl-plus-sign", "Content-Length: +5", "Content-Length: +5"),
                badLength("cl-list-disagrees", "Content-Length: 5, 6", "Content-Length: 5, 6"),
                badLength("cl-duplicate-disagrees", "two Content-Length fields, 5 and 6", "Content-Length: 5\r\nContent-Length: 6"),
                ConformanceCase.define("te-chunked-not-last", "Transfer-Encoding whose last coding is not chunked is rejected",
                                "RFC 9112 §6.3", MUST)
                        .accepts("400 (rfc: or 501, the coding is also unknown), then a close").dependsOn(ContentCases.BASE)
                        .why(WHY_SMUGGLING)
                        // The last coding is unknown too, so RFC 9112 §6.1's "SHOULD respond with 501" applies as well.
                        .check(ctx -> framingError(ctx, "Transfer-Encoding: chunked, x-kit-unknown", 501)),
                ConformanceCase.define("te-unknown", "an unknown transfer coding is refused", "RFC 9112 §6.1", SHOULD)
                        .accepts("501 (rfc) or 400, then a close").dependsOn(ContentCases.BASE)
                        .why("RFC 9112 §6.1: \"A server that receives a request message with a transfer coding it does not understand"
                                + " SHOULD respond with 501 (Not Implemented)\"; guessing its length lets requests be smuggled.")
                        .check(ctx -> framingError(ctx, "Transfer-Encoding: x-kit-unknown", 501)));
    }

    private static ConformanceCase badLength(String id, String title, String field) {
        return ConformanceCase.define(id, "an invalid " + title + " is rejected", "RFC 9112 §6.3; RFC 9110 §8.6", MUST)
                .accepts("400, then a close (a close without a response: FAIL in course, WARN in rfc)").dependsOn(ContentCases.BASE)
                .why(WHY_SMUGGLING)
                .check(ctx -> framingError(ctx, field));
    }

    private static Verdict framingError(CaseContext ctx, String fields, Integer... rfcAlso) throws IOException {
        WireConnection c = ctx.open();
        c.send(ctx.keepAlive("GET", ctx.path("index.html"), fields) + "hello");
        return Expect.rejectionThenClosed(ctx, c, c.read(), rfcAlso);
    }

    private static Verdict bodyIsNotARequest(CaseContext ctx, boolean chunked) throws IOException {
        // The body is itself a request for a missing file: a server that answers 404 treated it as one.
        String hidden = ctx.keepAlive("GET", ctx.path(Fixture.MISSING));
        String first = chunked
                ? ctx.keepAlive("GET", ctx.path("text.txt"), "Transfer-Encoding: chunked")
                + Integer.toHexString(hidden.length()) + "\r\n" + hidden + "\r\n0\r\n\r\n"
                : ctx.keepAlive("GET", ctx.path("text.txt"), "Content-Length: " + hidden.length()) + hidden;
        WireConnection c = ctx.open();
        c.send(first);
        WireOutcome one = c.read();
        if (Expect.is(one, 400)) {
            return Expect.rejectionThenClosed(ctx, c, one);   // RFC 9110 §9.3.1 allows rejecting, then closing
        }
        Verdict v1 = Expect.file(ctx, one, "text.txt", false);
        if (v1 instanceof Verdict.Skip) {
            return v1;
        }
        if (!(v1 instanceof Verdict.Pass)) {
            return Verdict.breach("the GET with a body: " + Expect.reason(v1));
        }
        // The next request goes after the first answer (not pipelined): a 404 now can only be the hidden request's.
        try {
            c.send(ctx.get(ctx.path("index.html")));
        } catch (IOException e) {
            return Verdict.pass("answered the GET, then closed instead of reading the body");
        }
        WireOutcome two = c.read();
        if (two instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED && s.partialBytes() == 0) {
            return Verdict.pass("answered the GET, then closed instead of reading the body");
        }
        if (Expect.is(two, 404)) {
            return Verdict.breach("the body was answered as a request (a 404 for the request hidden in it)");
        }
        Verdict v2 = Expect.file(ctx, two, "index.html", false);
        if (v2 instanceof Verdict.Skip) {
            return v2;
        }
        return !(v2 instanceof Verdict.Pass) ? Verdict.breach("the request after the body: " + Expect.reason(v2))
                : Verdict.pass("the body was consumed; the next request was answered");
    }

    private static Verdict clAndTe(CaseContext ctx) throws IOException {
        String hidden = ctx.get(ctx.path(Fixture.MISSING));
        String body = "0\r\n\r\n" + hidden;
        WireConnection c = ctx.open();
        c.send(ctx.keepAlive("GET", ctx.path("index.html"), "Content-Length: " + body.length(),
                "Transfer-Encoding: chunked") + body);
        WireOutcome one = c.read();
        if (!Expect.is(one, 200) && !Expect.is(one, 400)) {
            return one instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED
                    ? Verdict.pass("closed without a response")
                    : Verdict.breach("expected 400 or 200, got " + Expect.describe(ctx, one));
        }
        WireConnection.AfterResponse after = c.awaitClose();
        return switch (after.state()) {
            case CLOSED -> Verdict.pass(Expect.response(one).orElseThrow().status() + " then closed");
            case EXTRA_BYTES -> Verdict.breach("the request smuggled after the chunked body was answered: " + after.extra());
            case STILL_OPEN -> Verdict.breach(after.describe() + "; with both CL and TE the server MUST close");
        };
    }
}
