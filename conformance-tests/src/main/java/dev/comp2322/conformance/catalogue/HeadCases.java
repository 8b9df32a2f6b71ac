package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** HEAD is GET minus the content: checked on a pipelined connection and field by field. */
final class HeadCases {
    /** Content-Length is left to head-* (a MUST of its own, RFC 9110 §8.6), so one fault gets one verdict. */
    private static final List<String> SAME = List.of("Content-Type", "Last-Modified", "ETag");

    private HeadCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("head-no-body", "a HEAD response ends at its head (HEAD, then a GET on the same connection)",
                                "RFC 9110 §9.3.2; RFC 9112 §6.3", MUST)
                        .accepts("200 for HEAD, then the GET's 200 with text.txt immediately after the HEAD's head")
                        .dependsOn(ContentCases.BASE)
                        .why("If HEAD sends content, the client reads it as the start of the next response and the connection is garbage.")
                        .check(HeadCases::pipelined),
                ConformanceCase.define("head-same-fields", "HEAD sends the same representation fields as GET",
                                "RFC 9110 §9.3.2", SHOULD)
                        .accepts("Content-Type, Last-Modified and ETag identical to GET's")
                        .dependsOn(ContentCases.BASE)
                        .why("Clients use HEAD to learn size, type and validators without downloading; different values mislead them.")
                        .check(HeadCases::sameFields));
    }

    /** Sequential, not pipelined: content after the HEAD's head arrives before the GET's response. */
    private static Verdict pipelined(CaseContext ctx) throws IOException {
        WireConnection c = ctx.open();
        c.send(ctx.keepAlive("HEAD", ctx.path("index.html")));
        WireOutcome head = c.read(true);
        if (!Expect.is(head, 200)) {
            return Verdict.breach("HEAD: expected 200, got " + Expect.describe(ctx, head));
        }
        try {
            c.send(ctx.get(ctx.path("text.txt")));
        } catch (IOException e) {
            return Verdict.pass("HEAD carried no content; the server then closed the connection");
        }
        WireOutcome next = c.read();
        if (next instanceof WireOutcome.Garbled g) {
            return Verdict.breach("after the HEAD response came bytes that are not a response"
                    + " (the HEAD carried content?): " + g.problem());
        }
        if (next instanceof WireOutcome.Received r) {
            Verdict v = Expect.file(ctx, next, "text.txt", false);
            if (v instanceof Verdict.Skip) {
                return v;
            }
            return v instanceof Verdict.Pass ? Verdict.pass("HEAD ended at its head; the pipelined GET followed intact")
                    : Verdict.breach("the response after HEAD was wrong (" + r.response().statusLine() + "): "
                    + Expect.reason(v));
        }
        WireOutcome.Silent s = (WireOutcome.Silent) next;
        if (s.why() == WireOutcome.Silent.Why.CLOSED && s.partialBytes() == 0) {
            return Verdict.pass("HEAD carried no content; the server then closed, so the pipelined GET was not answered");
        }
        return Verdict.breach("the GET pipelined after HEAD got " + Expect.describe(ctx, next));
    }

    private static Verdict sameFields(CaseContext ctx) throws IOException {
        Optional<WireResponse> get = Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"))));
        Optional<WireResponse> head = Expect.response(ctx.exchange(ctx.request("HEAD", ctx.path("index.html")), true));
        if (get.isEmpty() || head.isEmpty()) {
            return Verdict.breach("no response to " + (get.isEmpty() ? "GET" : "HEAD"));
        }
        List<String> differences = new ArrayList<>();
        for (String name : SAME) {
            Optional<String> g = get.get().header(name);
            Optional<String> h = head.get().header(name);
            if (!Objects.equals(g, h)) {
                differences.add(name + ": GET " + g.orElse("(absent)") + ", HEAD " + h.orElse("(absent)"));
            }
        }
        return differences.isEmpty() ? Verdict.pass("HEAD and GET agree on " + String.join(", ", SAME))
                : Verdict.breach(String.join("; ", differences));
    }
}
