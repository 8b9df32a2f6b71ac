package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MAY;
import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Request-target handling: percent-encoding, dot segments, query, and the size limits. */
final class TargetCases {
    private static final String WHY_LIMIT = "RFC 9110 §15.5.15 (414) and RFC 6585 §5 (431) let a server refuse what it is"
            + " \"unwilling to process\"; what no server may do is wait forever: one oversized request would freeze it.";

    private TargetCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("target-percent-encoded", "a percent-encoded unreserved character is decoded",
                                "RFC 9110 §4.2.3; RFC 3986 §2.3", SHOULD)
                        .accepts("200 with index.html for /%69ndex.html").dependsOn(ContentCases.BASE)
                        .why("%69 and i are the same URI; clients and proxies may encode either way.")
                        .check(ctx -> exact(ctx, ctx.target().prefix() + "/%69ndex.html", "index.html")),
                ConformanceCase.define("target-dot-segments", "dot segments are removed before mapping to a file",
                                "RFC 9110 §4.2.3; RFC 3986 §5.2.4", MAY)
                        .accepts("200 with index.html for sub/../index.html (404 or 400 is allowed: INFO)").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §4.2.3 says URIs that are equivalent after normalisation \"MAY be assumed\" identical:"
                                + " resolving /sub/../ is a convenience, not a requirement.")
                        .check(ctx -> exact(ctx, ctx.target().prefix() + "/sub/../index.html", "index.html")),
                ConformanceCase.define("target-query", "the query is not part of the file name", "RFC 9110 §4.1, §7.1", MUST)
                        .accepts("200 with index.html for index.html?kit=1&x=%20").dependsOn(ContentCases.BASE)
                        .why("Cache-busting queries (?v=2) are everywhere; a server that looks for \"index.html?v=2\" breaks them.")
                        .check(ctx -> exact(ctx, ctx.path("index.html") + "?kit=1&x=%20", "index.html")),
                ConformanceCase.define("target-encoded-nul", "a %00 in the target is answered, not dropped",
                                "RFC 9110 §15.5.1, §15.5.5", SHOULD).courseLevel(MUST)
                        .accepts("400 or 404 (rfc: or 403) for text.txt%00.png; a close without a response: FAIL in course,"
                                + " WARN in rfc").dependsOn(ContentCases.BASE)
                        .why("A handler that crashes on a NUL byte and drops the connection tells the client nothing; RFC 9110"
                                + " §15.5.1 gives 400 for a request the server \"cannot or will not process\", and the course"
                                + " requires it.")
                        .check(TargetCases::encodedNul),
                RequestLineCases.rejection("target-bad-percent", "an invalid percent-encoding is rejected",
                        "RFC 3986 §2.1; RFC 9112 §3.2", SHOULD, "GET {p}%zz HTTP/1.1", "400"),
                ConformanceCase.define("target-long-8000", "a request-target of 8000+ octets is served", "RFC 9110 §4.1", SHOULD)
                        .accepts("200 with index.html (the query is 8000 octets)").dependsOn("target-query")
                        .why("RFC 9110 recommends supporting URIs of at least 8000 octets; long query strings are common.")
                        .check(ctx -> exact(ctx, ctx.path("index.html") + "?q=" + "a".repeat(8000), "index.html")),
                ConformanceCase.define("target-too-long", "a 100 KiB request-target is answered, not hung on",
                                "RFC 9110 §15.5.15, §4.1", MUST).exclusive()
                        .accepts("any complete response (414, 400, 404, 200...) or a close; never a hang").dependsOn(ContentCases.BASE)
                        .why(WHY_LIMIT)
                        .check(ctx -> answered(ctx, ctx.keepAlive("GET", ctx.path("index.html") + "?q=" + "a".repeat(100 * 1024),
                                "Connection: close"))),
                ConformanceCase.define("limit-huge-header-section", "a 256 KiB header section is refused, not hung on",
                                "RFC 6585 §5; RFC 9112 §2.3", MUST).exclusive()
                        .accepts("431 (rfc) or 400, or a close; never a hang (accepting it all is policy: INFO)")
                        .dependsOn(ContentCases.BASE)
                        .why(WHY_LIMIT)
                        .check(TargetCases::hugeHeaders));
    }

    private static Verdict exact(CaseContext ctx, String requestTarget, String file) throws IOException {
        return Expect.file(ctx, ctx.exchange(ctx.get(requestTarget)), file, false);
    }

    private static Verdict encodedNul(CaseContext ctx) throws IOException {
        WireOutcome o = ctx.exchange(ctx.get(ctx.path("text.txt") + "%00.png"));
        if (o instanceof WireOutcome.Received r) {
            int s = r.response().status();
            if (s == 400 || s == 404 || (s == 403 && !ctx.course())) {
                return Verdict.pass("answered " + s);
            }
            if (s == 200) {
                return Verdict.pass("answered 200 (whether the name was truncated is traversal-nul's to judge)");
            }
            return Verdict.breach("expected 400 or 404, got " + r.response().statusLine());
        }
        if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED) {
            return Expect.silentClose(ctx, "400 or 404", s);
        }
        return Verdict.breach(Expect.describe(ctx, o));
    }

    /** Sends a request too big to record; the bulk is summarised in the transcript. */
    private static WireConnection sendBig(CaseContext ctx, String request) throws IOException {
        WireConnection c = ctx.open();
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        ctx.transcript().note(">> conn sent", request.substring(0, 120) + "... (" + bytes.length + " bytes in all)");
        try {
            c.sendUnrecorded(bytes);
        } catch (IOException e) {
            ctx.transcript().note("kit", "the server stopped reading after part of the request: " + e.getMessage());
        }
        return c;
    }

    /** The requirement is an answer: any complete response or a close, promptly; only a hang breaches it. */
    private static Verdict answered(CaseContext ctx, String request) throws IOException {
        WireOutcome o = sendBig(ctx, request).read();
        if (o instanceof WireOutcome.Received r) {
            return Verdict.pass("answered " + r.response().statusLine());
        }
        if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.CLOSED) {
            return Verdict.pass("closed the connection without a response");
        }
        return Verdict.breach(Expect.describe(ctx, o));
    }

    /**
     * All but the final empty line first: a server that answers then has not read the whole section (it saw
     * only its first part), so "accepted 256 KiB" would be untrue. Only a server that waits for the end and
     * then answers 200 has accepted it, which is policy (RFC 6585 §5: 431 is a choice), so INFO.
     */
    private static Verdict hugeHeaders(CaseContext ctx) throws IOException {
        StringBuilder fields = new StringBuilder();
        String pad = "v".repeat(1000);
        for (int i = 0; i < 256; i++) {
            fields.append("X-Kit-Pad-").append(i).append(": ").append(pad).append("\r\n");
        }
        String head = "GET " + ctx.path("index.html") + " HTTP/1.1\r\nHost: " + ctx.host() + "\r\n" + fields
                + "Connection: close\r\n";
        WireConnection c = sendBig(ctx, head);
        WireOutcome early = c.read(false, ctx.timeout().dividedBy(4));
        if (early instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.TIMEOUT && s.partialBytes() == 0) {
            try {
                c.send("\r\n");
            } catch (IOException e) {
                ctx.transcript().note("kit", "sending the final CRLF failed: " + e.getMessage());
            }
            WireOutcome o = c.read();
            if (Expect.is(o, 200)) {
                return Verdict.info("the whole 256 KiB header section was read and answered 200: the server's header"
                        + " limit is above 256 KiB (RFC 6585 §5 lets it refuse with 431; accepting is policy)");
            }
            return settled(ctx, o);
        }
        if (Expect.is(early, 200)) {
            return Verdict.pass("answered 200 before the header section was complete: the server read only its first part"
                    + " and ignored the rest (no hang)");
        }
        return settled(ctx, early);
    }

    private static Verdict settled(CaseContext ctx, WireOutcome o) {
        if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.TIMEOUT) {
            return Verdict.breach(Expect.describe(ctx, o));
        }
        if (o instanceof WireOutcome.Silent) {
            return Verdict.pass("closed the connection without a response");
        }
        Verdict v = Expect.rejection(ctx, o, 431);
        return v instanceof Verdict.Pass ? v : Verdict.breach(Expect.reason(v));
    }
}
