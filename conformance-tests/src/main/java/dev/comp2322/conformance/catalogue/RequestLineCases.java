package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import java.util.List;

/** The request line: versions, method tokens, target forms, and the robustness rules of RFC 9112 §2.2. */
final class RequestLineCases {
    private static final String WHY_REJECT = "RFC 9112 §2.2: a server that receives a message that does not match the grammar"
            + " \"SHOULD respond with a 400 (Bad Request) response and close the connection\"; a server that guesses can be"
            + " made to act on something no client meant.";
    private static final String WHY_INVALID_LINE = "RFC 9112 §3: \"Recipients of an invalid request-line SHOULD respond with either"
            + " a 400 (Bad Request) error or a 301 (Moved Permanently) redirect\"; a server that guesses can be made to act on"
            + " something no client meant.";

    private RequestLineCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("version-http10", "an HTTP/1.0 request without Host is served", "RFC 9112 §3.2; RFC 9110 §2.5", MUST)
                        .accepts("200 with index.html, byte-exact").dependsOn(ContentCases.BASE)
                        .why("HTTP/1.0 clients (and many scripts) send no Host; the course requires HTTP/1.0 support.")
                        .check(ctx -> Expect.file(ctx, ctx.exchange("GET " + ctx.path("index.html") + " HTTP/1.0\r\n\r\n"),
                                "index.html", false)),
                ConformanceCase.define("version-http12", "HTTP/1.2 is treated as HTTP/1.1", "RFC 9110 §2.5", SHOULD)
                        .accepts("200 with index.html").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §2.5: a recipient of a higher minor version \"SHOULD process the message as if it were in the"
                                + " highest minor version within that major version to which the recipient is conformant\".")
                        .check(ctx -> Expect.file(ctx, ctx.exchange("GET " + ctx.path("index.html")
                                + " HTTP/1.2\r\nHost: " + ctx.host() + "\r\nConnection: close\r\n\r\n"), "index.html", false)),
                rejection("version-major-2", "a request line with HTTP/2.0 is refused", "RFC 9110 §2.5, §15.6.6", SHOULD,
                        "GET {p} HTTP/2.0", "400 (rfc: 505)", 505),
                rejection("version-lowercase", "a lower-case http/1.1 version is rejected", "RFC 9112 §2.3, §2.2", SHOULD,
                        "GET {p} http/1.1", "400"),
                rejection("version-two-digit-minor", "HTTP/1.11 is rejected", "RFC 9112 §2.3, §2.2", SHOULD,
                        "GET {p} HTTP/1.11", "400"),
                ConformanceCase.define("version-missing", "a request line without a version is rejected", "RFC 9112 §3, §2.2", SHOULD)
                        .accepts("400; never an HTTP/0.9 bare body (a close without a response: FAIL in course, WARN in rfc)")
                        .dependsOn(ContentCases.BASE).why(WHY_INVALID_LINE)
                        .check(ctx -> Expect.rejection(ctx, ctx.exchange("GET " + ctx.path("index.html") + "\r\n\r\n"))),
                rejection("request-line-extra-token", "a request line with a fourth token is rejected", "RFC 9112 §3", SHOULD,
                        "GET {p} HTTP/1.1 kit-extra", "400"),
                rejection("method-bad-token", "a method with a non-token character is rejected", "RFC 9112 §3.1; RFC 9110 §9.1", SHOULD,
                        "G(T {p} HTTP/1.1", "400"),
                ConformanceCase.define("line-leading-crlf", "an empty line before the request line is ignored", "RFC 9112 §2.2", SHOULD)
                        .accepts("200 with index.html").dependsOn(ContentCases.BASE)
                        .why("RFC 9112 §2.2: \"a server that is expecting to receive and parse a request-line SHOULD ignore at least one"
                                + " empty line (CRLF) received prior to the request-line\".")
                        .check(ctx -> Expect.file(ctx, ctx.exchange("\r\n" + ctx.get(ctx.path("index.html"))), "index.html", false)),
                ConformanceCase.define("line-whitespace-before-field", "a whitespace-preceded line after the request line is not a field",
                                "RFC 9112 §2.2", MUST)
                        .accepts("400, or 200 with index.html (the indented If-Modified-Since ignored); never a 304")
                        .dependsOn("ims-equal-is-304")
                        .why("RFC 9112 §2.2: a recipient \"MUST either reject the message as invalid or consume each"
                                + " whitespace-preceded line without further processing of it\"; processing it lets a smuggled"
                                + " field through.")
                        .check(RequestLineCases::indentedLine),
                rejection("target-no-leading-slash", "an origin-form target without the leading slash is rejected",
                        "RFC 9112 §3.2.1", SHOULD, "GET {n} HTTP/1.1", "400"),
                rejection("target-asterisk", "the asterisk form is rejected for GET", "RFC 9112 §3.2.4", SHOULD,
                        "GET * HTTP/1.1", "400"),
                rejection("target-fragment", "a fragment in the request-target is rejected", "RFC 9112 §3.2; RFC 9110 §7.1", SHOULD,
                        "GET {p}#kit-fragment HTTP/1.1", "400"),
                ConformanceCase.define("target-absolute-form", "an absolute-form target is accepted", "RFC 9112 §3.2.2", MUST)
                        .accepts("200 with index.html, byte-exact").dependsOn(ContentCases.BASE)
                        .why("RFC 9112 §3.2.2: \"A server MUST accept the absolute-form in requests even though most HTTP/1.1 clients will"
                                + " only send the absolute-form to a proxy\".")
                        .check(ctx -> Expect.file(ctx, ctx.exchange(ctx.get("http://" + ctx.host() + ctx.path("index.html"))),
                                "index.html", false)));
    }

    /** A case whose request line is malformed: {p} is the index path, {n} the same without its leading slash. */
    static ConformanceCase rejection(String id, String title, String ref, dev.comp2322.conformance.Level level,
                                     String line, String accepts, Integer... rfcAlso) {
        String why = ref.startsWith("RFC 9112 §3") && !ref.startsWith("RFC 9112 §3.") ? WHY_INVALID_LINE : WHY_REJECT;
        return ConformanceCase.define(id, title, ref, level).accepts(accepts + (accepts.contains("close") ? ""
                        : " (a close without a response: FAIL in course, WARN in rfc)"))
                .dependsOn(ContentCases.BASE).why(why)
                .check(ctx -> {
                    String path = ctx.path("index.html");
                    String requestLine = line.replace("{p}", path).replace("{n}", path.substring(1));
                    return Expect.rejection(ctx, ctx.exchange(requestLine + "\r\nHost: " + ctx.host()
                            + "\r\nConnection: close\r\n\r\n"), rfcAlso);
                });
    }

    /** The indented line is a valid If-Modified-Since: a server that treats it as a field answers 304. */
    private static Verdict indentedLine(CaseContext ctx) throws java.io.IOException {
        String request = "GET " + ctx.path("index.html") + " HTTP/1.1\r\n If-Modified-Since: "
                + dev.comp2322.conformance.wire.HttpDates.imfFixdate(ConditionalCases.validator(ctx, "index.html")) + "\r\nHost: " + ctx.host() + "\r\nConnection: close\r\n\r\n";
        dev.comp2322.conformance.wire.WireOutcome o = ctx.exchange(request);
        if (Expect.is(o, 304)) {
            return Verdict.breach("answered 304: the whitespace-preceded line was processed as an If-Modified-Since field");
        }
        return Expect.is(o, 200) ? Expect.file(ctx, o, "index.html", false) : Expect.rejection(ctx, o);
    }
}
