package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.wire.WireOutcome;
import java.util.List;

/** Host rules and field syntax. */
final class HeaderCases {
    private static final String WHY_HOST = "RFC 9112 §3.2: \"A server MUST respond with a 400 (Bad Request) status code to any"
            + " HTTP/1.1 request message that lacks a Host header field and to any request message that contains more than"
            + " one Host header field line or a Host header field with an invalid field value\".";
    private static final String CLOSE_NOTE = " (a close without a response: FAIL in course, WARN in rfc)";
    private static final String WHY_SYNTAX = "RFC 9112 §2.2: a server that receives a message that does not match the grammar"
            + " \"SHOULD respond with a 400 (Bad Request) response\"; lenient field parsing is how request smuggling and"
            + " header injection get through.";

    private HeaderCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                host("host-missing", "an HTTP/1.1 request without Host is rejected", ""),
                host("host-duplicate", "two Host fields are rejected", "Host: {h}\r\nHost: {h}\r\n"),
                host("host-invalid", "a Host field with an invalid value is rejected", "Host: kit/invalid\r\n"),
                field("field-space-before-colon", "whitespace between a field name and the colon is rejected", "RFC 9112 §5.1",
                        MUST, "X-Kit : 1", "400" + CLOSE_NOTE),
                field("field-no-colon", "a field line without a colon is rejected", "RFC 9112 §5, §2.2", SHOULD,
                        "X-Kit-No-Colon", "400" + CLOSE_NOTE),
                field("field-name-invalid", "a field name with a non-token character is rejected", "RFC 9110 §5.1; RFC 9112 §2.2",
                        SHOULD, "X(Kit): 1", "400" + CLOSE_NOTE),
                ConformanceCase.define("field-obs-fold", "obsolete line folding is rejected with 400 or unfolded",
                                "RFC 9112 §5.2", MUST)
                        .accepts("400, or 200 with the fold replaced by spaces" + CLOSE_NOTE).dependsOn(ContentCases.BASE)
                        .why("RFC 9112 §5.2: a server \"MUST either reject the message by sending a 400 (Bad Request) ... or"
                                + " replace each received obs-fold with one or more SP octets\".")
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path("index.html"), "X-Kit: folded\r\n value"));
                            if (Expect.is(o, 200)) {
                                return Expect.file(ctx, o, "index.html", false);
                            }
                            return Expect.rejection(ctx, o);
                        }),
                ConformanceCase.define("field-name-lowercase-host", "a field name in lower case means the same (host:)",
                                "RFC 9110 §5.1; RFC 9112 §3.2", MUST)
                        .accepts("200 with index.html, byte-exact").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §5.1: \"Field names are case-insensitive\"; curl, browsers and HTTP/2 gateways send"
                                + " lower-case names, and a server that misses \"host:\" rejects them all.")
                        .check(ctx -> Expect.file(ctx, ctx.exchange("GET " + ctx.path("index.html") + " HTTP/1.1\r\nhost: "
                                + ctx.host() + "\r\nconnection: close\r\n\r\n"), "index.html", false)));
    }

    private static ConformanceCase host(String id, String title, String hostLines) {
        return ConformanceCase.define(id, title, "RFC 9112 §3.2", MUST)
                .accepts("400" + CLOSE_NOTE).dependsOn(ContentCases.BASE).why(WHY_HOST)
                .check(ctx -> Expect.rejection(ctx, ctx.exchange("GET " + ctx.path("index.html") + " HTTP/1.1\r\n"
                        + hostLines.replace("{h}", ctx.host()) + "Connection: close\r\n\r\n")));
    }

    private static ConformanceCase field(String id, String title, String ref, dev.comp2322.conformance.Level level,
                                         String line, String accepts) {
        return ConformanceCase.define(id, title, ref, level).accepts(accepts).dependsOn(ContentCases.BASE).why(WHY_SYNTAX)
                .check(ctx -> Expect.rejection(ctx, ctx.exchange(ctx.get(ctx.path("index.html"), line))));
    }
}
