package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MAY;
import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Methods other than GET/HEAD and directory requests: where the course profile (only 200/304/400/404)
 * and the rfc profile (405 + Allow, 501, 403, 301) part ways.
 */
final class MethodCases {
    private static final String WHY_METHOD = "RFC 9110 §9.1: \"An origin server that receives a request method that is"
            + " unrecognized or not implemented SHOULD respond with the 501 (Not Implemented) status code\"; the course allows"
            + " only GET and HEAD and answers every other method 400.";

    private MethodCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("method-unknown", "an unknown method is refused", "RFC 9110 §9.1, §15.6.2", SHOULD)
                        .courseLevel(MUST).accepts("course: 400; rfc: 501 (405 with Allow accepted, 400 is a WARN)")
                        .dependsOn(ContentCases.BASE).why(WHY_METHOD)
                        .check(ctx -> refused(ctx, ctx.exchange(ctx.request("FOO", ctx.path("index.html"))), 501)),
                ConformanceCase.define("method-post", "POST to a static file is refused", "RFC 9110 §9.1, §15.5.6", SHOULD)
                        .courseLevel(MUST).accepts("course: 400; rfc: 405 with Allow (501 accepted, 400 is a WARN, 200 is INFO)")
                        .dependsOn(ContentCases.BASE).why(WHY_METHOD)
                        .check(ctx -> post(ctx, ctx.exchange(ctx.request("POST", ctx.path("index.html"), "Content-Length: 0")))),
                ConformanceCase.define("method-lowercase", "methods are case-sensitive: \"get\" is not GET", "RFC 9110 §9.1", SHOULD)
                        .courseLevel(MUST).accepts("course: 400; rfc: 400, 405 or 501; never the file")
                        .dependsOn(ContentCases.BASE).why(WHY_METHOD)
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.request("get", ctx.path("index.html")));
                            Optional<WireResponse> r = Expect.response(o);
                            if (r.isPresent() && (r.get().status() == 400 || (!ctx.course()
                                    && (r.get().status() == 405 || r.get().status() == 501)))) {
                                return Verdict.pass("refused with " + r.get().status());
                            }
                            return Verdict.breach("expected a refusal, got " + Expect.describe(ctx, o));
                        }),
                ConformanceCase.define("dir-without-index", "a directory without index.html is listed or refused",
                                "RFC 9110 §15.5.5, §15.5.4", MAY).courseLevel(MUST)
                        .accepts("course: 200 (a listing) or 404; rfc: 200, 403 or 404").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §15.5.5: 404 says the server \"did not find a current representation for the target resource or is"
                                + " not willing to disclose that one exists\"; the course allows only 200, 304, 400 and 404.")
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.get(ctx.target().prefix() + "/noindex/"));
                            Optional<WireResponse> r = Expect.response(o);
                            int s = r.map(WireResponse::status).orElse(-1);
                            return s == 200 || s == 404 || (s == 403 && !ctx.course()) ? Verdict.pass(Expect.describe(ctx, o))
                                    : Verdict.breach("got " + Expect.describe(ctx, o));
                        }),
                ConformanceCase.define("dir-no-slash", "a directory requested without its slash", "RFC 9110 §15.4, §10.2.2", SHOULD)
                        .courseLevel(MUST).accepts("course: 200 or 404; rfc: a 3xx with Location .../sub/, or 200, or 404")
                        .dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §15.4.2: for a 301 \"The server SHOULD generate a Location header field in the response containing a"
                                + " preferred URI reference\"; the course allows only 200, 304, 400 and 404.")
                        .check(MethodCases::noSlash));
    }

    private static Verdict refused(CaseContext ctx, WireOutcome o, int rfcPreferred) {
        Optional<WireResponse> r = Expect.response(o);
        if (r.isEmpty()) {
            return Verdict.breach("expected a refusal, got " + Expect.describe(ctx, o));
        }
        int s = r.get().status();
        if (s == 405 && r.get().header("Allow").isEmpty()) {
            return Verdict.fail("405 without an Allow field (RFC 9110 §15.5.6: the server MUST send Allow)");
        }
        if (ctx.course()) {
            return s == 400 ? Verdict.pass("400") : Verdict.breach("expected 400, got " + r.get().statusLine());
        }
        if (s == 405 || s == 501) {
            return Verdict.pass(r.get().statusLine());
        }
        if (s == 400) {
            return Verdict.warn("400, where RFC 9110 names " + rfcPreferred);
        }
        return Verdict.breach("expected " + rfcPreferred + ", got " + r.get().statusLine());
    }

    /**
     * RFC 9110 §9.3.3 leaves what POST does to the target resource, so a 200 breaks no RFC sentence (INFO in rfc);
     * the course allows only GET and HEAD, so there it is a FAIL.
     */
    private static Verdict post(CaseContext ctx, WireOutcome o) {
        if (!ctx.course() && Expect.is(o, 200)) {
            return Verdict.info("POST answered 200: RFC 9110 §9.3.3 lets the resource define POST (\"process the"
                    + " representation enclosed in the request according to the resource's own specific semantics\")");
        }
        return refused(ctx, o, 405);
    }

    private static Verdict noSlash(CaseContext ctx) throws IOException {
        WireOutcome o = ctx.exchange(ctx.get(ctx.target().prefix() + "/sub"));
        Optional<WireResponse> r = Expect.response(o);
        if (r.isEmpty()) {
            return Verdict.breach("got " + Expect.describe(ctx, o));
        }
        int s = r.get().status();
        if (s == 200) {
            return Expect.file(ctx, o, "sub/index.html", false);
        }
        if (s == 404) {
            return Verdict.pass("404");
        }
        if (s >= 300 && s < 400 && !ctx.course()) {
            Optional<String> location = r.get().header("Location");
            return location.isPresent() && location.get().endsWith("/sub/")
                    ? Verdict.pass(s + " to " + location.get())
                    : Verdict.breach(s + " with Location " + location.orElse("(none)") + ", expected one ending in /sub/");
        }
        return Verdict.breach("got " + r.get().statusLine());
    }
}
