package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.wire.WireOutcome;
import java.util.List;

/** Host rules and field syntax. */
final class HeaderCases {
    private static final String WHY_HOST = "Host decides which site answers; a server that guesses can be tricked into serving or caching the wrong one.";
    private static final String WHY_SYNTAX = "Lenient field parsing is how request smuggling and header injection get through.";

    private HeaderCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                host("host-missing", "an HTTP/1.1 request without Host is rejected", ""),
                host("host-duplicate", "two Host fields are rejected", "Host: {h}\r\nHost: {h}\r\n"),
                host("host-invalid", "a Host field with an invalid value is rejected", "Host: kit/invalid\r\n"),
                field("field-space-before-colon", "whitespace between a field name and the colon is rejected", "RFC 9112 §5.1",
                        MUST, "X-Kit : 1", "400 (the RFC requires 400; a close is tolerated)"),
                field("field-no-colon", "a field line without a colon is rejected", "RFC 9112 §5, §2.2", SHOULD,
                        "X-Kit-No-Colon", "400, or a close"),
                field("field-name-invalid", "a field name with a non-token character is rejected", "RFC 9110 §5.1; RFC 9112 §2.2",
                        SHOULD, "X(Kit): 1", "400, or a close"),
                ConformanceCase.define("field-obs-fold", "obsolete line folding is rejected with 400 or unfolded",
                                "RFC 9112 §5.2", MUST)
                        .accepts("400, or 200 with the fold replaced by spaces; never a silent close").dependsOn(ContentCases.BASE)
                        .why(WHY_SYNTAX)
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path("index.html"), "X-Kit: folded\r\n value"));
                            if (Expect.is(o, 200)) {
                                return Expect.exactFile(ctx, o, "index.html", false);
                            }
                            return Expect.rejected(ctx, o, false);
                        }));
    }

    private static ConformanceCase host(String id, String title, String hostLines) {
        return ConformanceCase.define(id, title, "RFC 9112 §3.2", MUST)
                .accepts("400 (a close without a response is tolerated)").dependsOn(ContentCases.BASE).why(WHY_HOST)
                .check(ctx -> Expect.rejected(ctx, ctx.exchange("GET " + ctx.path("index.html") + " HTTP/1.1\r\n"
                        + hostLines.replace("{h}", ctx.host()) + "Connection: close\r\n\r\n"), true));
    }

    private static ConformanceCase field(String id, String title, String ref, dev.comp2322.conformance.Level level,
                                         String line, String accepts) {
        return ConformanceCase.define(id, title, ref, level).accepts(accepts).dependsOn(ContentCases.BASE).why(WHY_SYNTAX)
                .check(ctx -> Expect.rejected(ctx, ctx.exchange(ctx.get(ctx.path("index.html"), line)), true));
    }
}
