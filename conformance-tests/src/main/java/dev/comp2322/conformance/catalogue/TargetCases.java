package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Request-target handling: percent-encoding, dot segments, query, and the size limits. */
final class TargetCases {
    private static final String WHY_LIMIT = "A server that waits forever on an oversized request can be frozen by one client.";

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
                                "RFC 9110 §4.2.3; RFC 3986 §5.2.4", SHOULD)
                        .accepts("200 with index.html for sub/../index.html").dependsOn(ContentCases.BASE)
                        .why("Normalising the path first is what makes the traversal checks meaningful.")
                        .check(ctx -> exact(ctx, ctx.target().prefix() + "/sub/../index.html", "index.html")),
                ConformanceCase.define("target-query", "the query is not part of the file name", "RFC 9110 §4.1, §7.1", MUST)
                        .accepts("200 with index.html for index.html?kit=1&x=%20").dependsOn(ContentCases.BASE)
                        .why("Cache-busting queries (?v=2) are everywhere; a server that looks for \"index.html?v=2\" breaks them.")
                        .check(ctx -> exact(ctx, ctx.path("index.html") + "?kit=1&x=%20", "index.html")),
                RequestLineCases.rejection("target-bad-percent", "an invalid percent-encoding is rejected",
                        "RFC 3986 §2.1; RFC 9112 §3.2", SHOULD, "GET {p}%zz HTTP/1.1", "400, or a close"),
                ConformanceCase.define("target-long-8000", "a request-target of 8000+ octets is served", "RFC 9110 §4.1", SHOULD)
                        .accepts("200 with index.html (the query is 8000 octets)").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 recommends supporting URIs of at least 8000 octets; long query strings are common.")
                        .check(ctx -> exact(ctx, ctx.path("index.html") + "?q=" + "a".repeat(8000), "index.html")),
                ConformanceCase.define("target-too-long", "a 100 KiB request-target is answered, not hung on",
                                "RFC 9110 §15.5.15, §4.1", MUST).exclusive()
                        .accepts("414 (rfc) or 400, or a close; a 200 is allowed; never a hang").dependsOn(ContentCases.BASE)
                        .why(WHY_LIMIT)
                        .check(ctx -> oversized(ctx, ctx.keepAlive("GET", ctx.path("index.html") + "?q=" + "a".repeat(100 * 1024),
                                "Connection: close"), 414)),
                ConformanceCase.define("limit-huge-header-section", "a 256 KiB header section is refused, not hung on",
                                "RFC 9110 §15.5.20; RFC 9112 §2.3", MUST).exclusive()
                        .accepts("431 (rfc) or 400, or a close; never a hang or a crash").dependsOn(ContentCases.BASE)
                        .why(WHY_LIMIT)
                        .check(TargetCases::hugeHeaders));
    }

    private static Verdict exact(CaseContext ctx, String requestTarget, String file) throws IOException {
        return Expect.exactFile(ctx, ctx.exchange(ctx.get(requestTarget)), file, false);
    }

    private static Verdict oversized(CaseContext ctx, String request, Integer rfcStatus) throws IOException {
        WireConnection c = ctx.open();
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        ctx.transcript().note(">> conn sent", request.substring(0, 120) + "... (" + bytes.length + " bytes in all)");
        try {
            c.sendUnrecorded(bytes);
        } catch (IOException e) {
            ctx.transcript().note("kit", "the server stopped reading after part of the request: " + e.getMessage());
        }
        WireOutcome o = c.read();
        if (Expect.is(o, 200)) {
            return Verdict.pass("accepted (200)");
        }
        return Expect.rejected(ctx, o, true, rfcStatus);
    }

    private static Verdict hugeHeaders(CaseContext ctx) throws IOException {
        StringBuilder fields = new StringBuilder();
        String pad = "v".repeat(1000);
        for (int i = 0; i < 256; i++) {
            fields.append("X-Kit-Pad-").append(i).append(": ").append(pad).append("\r\n");
        }
        String request = "GET " + ctx.path("index.html") + " HTTP/1.1\r\nHost: " + ctx.host() + "\r\n" + fields
                + "Connection: close\r\n\r\n";
        Verdict v = oversized(ctx, request, 431);
        if (v instanceof Verdict.Pass p && p.detail().startsWith("accepted")) {
            return Verdict.warn("a 256 KiB header section was accepted: the server seems to have no limit");
        }
        return v;
    }
}
