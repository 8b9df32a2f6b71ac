package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MAY;
import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.WireConnection;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GET and HEAD of every fixture type, the directory index, and the 404 page. */
final class ContentCases {
    /** The id every fixture-dependent case waits for: the fixture's index.html is served exactly. */
    static final String BASE = "get-html";

    private record Kind(String slug, String file, String label) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("html", "index.html", "an HTML page"),
            new Kind("text", "text.txt", "a plain-text file"),
            new Kind("png", "image.png", "a PNG image"),
            new Kind("jpeg", "photo.jpg", "a JPEG image"),
            new Kind("gif", "anim.gif", "a GIF image"),
            new Kind("empty", "empty.txt", "an empty file"),
            new Kind("large", "large.bin", "a 2 MiB binary file"));

    private static final List<Kind> NAMES = List.of(
            new Kind("subdir-file", "sub/index.html", "a file in a sub-directory"),
            new Kind("space-name", "with space.txt", "a file whose name has a space (%20)"),
            new Kind("utf8-name", "caf\u00e9.txt", "a file with a UTF-8 name (caf%C3%A9.txt)"));

    private ContentCases() {
    }

    static List<ConformanceCase> cases() {
        List<ConformanceCase> all = new ArrayList<>();
        for (Kind kind : KINDS) {
            all.add(get(kind));
        }
        for (Kind kind : NAMES) {
            all.add(get(kind));
        }
        for (Kind kind : KINDS) {
            all.add(head(kind));
        }
        all.add(ConformanceCase.define("get-subdir-index", "GET of a directory with a slash serves its index.html",
                        "RFC 9110 §9.3.1 (convention)", MAY)
                .accepts("200 with sub/index.html, byte-exact").dependsOn(BASE)
                .why("Links to a folder (\"/docs/\") only work if the server maps them to the folder's index page.")
                .check(ctx -> Expect.file(ctx, ctx.exchange(ctx.get(ctx.target().prefix() + "/sub/")), "sub/index.html", false)));
        all.add(ConformanceCase.define("content-length-present", "a 200 response carries Content-Length",
                        "RFC 9110 §8.6", SHOULD)
                .accepts("Content-Length equal to the file size").dependsOn(BASE)
                .why("RFC 9110 §8.6: \"an origin server SHOULD send a Content-Length header field when the content size is"
                        + " known prior to sending the complete header section\"; without it the server must close after every"
                        + " response, losing persistence.")
                .check(ContentCases::lengthPresent));
        all.addAll(MissingCases.cases());
        return all;
    }

    private static ConformanceCase get(Kind kind) {
        ConformanceCase.Builder b = ConformanceCase.define("get-" + kind.slug(), "GET of " + kind.label() + " is byte-exact",
                        "RFC 9110 §9.3.1", MUST)
                .accepts("200, the file's exact bytes, a matching Content-Length, Content-Type "
                        + Fixture.standard().file(kind.file()).mediaType())
                .why("A static file server exists to deliver the file's exact bytes with the right type.");
        if (!kind.slug().equals("html")) {
            b = b.dependsOn(BASE);
        }
        return b.check(ctx -> Expect.typedFile(ctx, ctx.rest().get(ctx.path(kind.file()), ctx.transcript()), kind.file()));
    }

    private static ConformanceCase head(Kind kind) {
        return ConformanceCase.define("head-" + kind.slug(), "HEAD of " + kind.label() + " has GET's fields and no content",
                        "RFC 9110 §9.3.2", MUST)
                .accepts("200, Content-Length equal to GET's (if sent), no content").dependsOn(BASE)
                .why("RFC 9110 §8.6: a server \"MUST NOT send Content-Length in such a response unless its field value equals"
                        + " the decimal number of octets that would have been sent in the content of a response if the same"
                        + " request had used the GET method\"; content after the head corrupts the connection.")
                .check(ctx -> headOf(ctx, kind.file()));
    }

    private static Verdict headOf(CaseContext ctx, String file) throws java.io.IOException {
        // The length HEAD must announce is GET's (RFC 9110 §8.6); if GET itself is wrong, get-* says so, not this case.
        Optional<WireResponse> get = Expect.response(ctx.aside(ctx.get(ctx.path(file)))).filter(r -> r.status() == 200);
        int getLength = get.map(WireResponse::bodyLength).orElse(ctx.fixture().bytes(file).length);
        WireConnection c = ctx.open();
        c.send(ctx.request("HEAD", ctx.path(file)));
        WireOutcome outcome = c.read(true);
        Optional<WireResponse> r = Expect.response(outcome);
        if (r.isEmpty() || r.get().status() != 200) {
            return Verdict.breach("expected 200 for HEAD of " + file + ", got " + Expect.describe(ctx, outcome));
        }
        Optional<String> length = r.get().header("Content-Length");
        if (length.isPresent() && !length.get().trim().equals(Integer.toString(getLength))) {
            return Verdict.breach("HEAD says Content-Length: " + length.get() + " but GET sends " + getLength
                    + " bytes (RFC 9110 §8.6: MUST NOT unless it equals GET's length)");
        }
        if (r.get().bodyLength() > 0) {
            return Verdict.breach("HEAD response carried " + r.get().bodyLength() + " bytes of content");
        }
        WireConnection.AfterResponse after = c.awaitClose();
        if (after.state() == WireConnection.AfterResponse.State.EXTRA_BYTES) {
            return Verdict.breach("content followed the HEAD response: " + after.extra());
        }
        return Verdict.pass("200, Content-Length " + length.orElse("absent") + ", no content");
    }

    private static Verdict lengthPresent(CaseContext ctx) throws java.io.IOException {
        Optional<WireResponse> r = Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"))));
        if (r.isEmpty() || r.get().status() != 200) {
            return Verdict.skip("GET of index.html did not answer 200 this time");
        }
        return r.get().header("Content-Length").isPresent()
                ? Verdict.pass("Content-Length: " + r.get().header("Content-Length").get())
                : Verdict.breach("no Content-Length (body framed by " + r.get().framing() + ")");
    }
}
