package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Escapes from the document root: the canary file sits beside the fixture directory and its text must
 * never appear in a response. Requests are sent raw, exactly as written here.
 */
final class TraversalCases {
    private static final String REF = "RFC 9110 §17.3; RFC 3986 §5.2.4";
    private static final String WHY = "Serving files outside the document root leaks passwords, keys and source code to anyone.";
    private static final String C = Fixture.CANARY_NAME;

    private TraversalCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                escape("traversal-dotdot", "a literal ../ cannot leave the root", "{p}/../" + C),
                escape("traversal-dotdot-nested", "sub/../../ cannot leave the root", "{p}/sub/../../" + C),
                escape("traversal-encoded-dots", "%2e%2e/ cannot leave the root", "{p}/%2e%2e/" + C, "{p}/.%2E/" + C),
                escape("traversal-encoded-slash", "..%2f cannot leave the root", "{p}/..%2f" + C, "{p}/%2e%2e%2f" + C),
                escape("traversal-backslash", "..\\ and ..%5c cannot leave the root", "{p}/..\\" + C, "{p}/..%5c" + C),
                escape("traversal-double-encoded", "%252e%252e/ is decoded once, not twice", "{p}/%252e%252e/" + C),
                escape("traversal-absolute-form", "an absolute-form target cannot leave the root", "http://{h}{p}/../" + C),
                ConformanceCase.define("traversal-nul", "a NUL byte neither truncates the name nor escapes", REF, MUST)
                        .accepts("400 or 404 for text.txt%00.png and ../canary%00.txt; never text.txt or the canary")
                        .dependsOn(ContentCases.BASE).why("C-style truncation at NUL turns \"allowed.png\" checks into access to any file.")
                        .check(TraversalCases::nul),
                ConformanceCase.define("traversal-symlink", "a symbolic link to a file outside the root is not followed",
                                REF, SHOULD)
                        .accepts("404 (rfc: or 403); never the canary").dependsOn(ContentCases.BASE)
                        .why("A link left in the web root must not expose the file system behind it.")
                        .check(ctx -> probe(ctx, ctx.path(Fixture.ESCAPE_LINK))));
    }

    private static ConformanceCase escape(String id, String title, String... targets) {
        return ConformanceCase.define(id, title, REF, MUST)
                .accepts("400 or 404 (rfc: or 403); never the canary's content").dependsOn(ContentCases.BASE).why(WHY)
                .check(ctx -> {
                    Verdict last = Verdict.pass("no escape");
                    for (String t : targets) {
                        last = probe(ctx, t.replace("{p}", ctx.target().prefix()).replace("{h}", ctx.host()));
                        if (!(last instanceof Verdict.Pass)) {
                            return last;
                        }
                    }
                    return last;
                });
    }

    /** Skips when the canary is legitimately inside the served tree (fixture installed below the root). */
    private static Optional<Verdict> canaryServedLegitimately(CaseContext ctx) throws IOException {
        String prefix = ctx.target().prefix();
        String parent = prefix.isEmpty() ? "" : prefix.substring(0, prefix.lastIndexOf('/'));
        Optional<WireResponse> r = Expect.response(ctx.exchange(ctx.get(parent + "/" + C)));
        if (r.isPresent() && Fixture.containsCanary(r.get().body())) {
            return Optional.of(Verdict.skip("the canary is inside the served tree at " + parent + "/" + C
                    + " (fixture installed below the document root?): install the fixture at the root to test traversal"));
        }
        return Optional.empty();
    }

    private static Verdict probe(CaseContext ctx, String requestTarget) throws IOException {
        Optional<Verdict> skip = canaryServedLegitimately(ctx);
        if (skip.isPresent()) {
            return skip.get();
        }
        WireOutcome o = ctx.exchange(ctx.get(requestTarget));
        Optional<WireResponse> r = Expect.response(o);
        if (r.isPresent() && Fixture.containsCanary(r.get().body())) {
            return Verdict.breach(requestTarget + " served the canary file from OUTSIDE the document root");
        }
        if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.TIMEOUT) {
            return Verdict.breach(requestTarget + ": " + Expect.describe(ctx, o));
        }
        return Verdict.pass(requestTarget + " -> " + Expect.describe(ctx, o));
    }

    private static Verdict nul(CaseContext ctx) throws IOException {
        Verdict escape = probe(ctx, ctx.target().prefix() + "/../" + C + "%00.txt");
        if (!(escape instanceof Verdict.Pass)) {
            return escape;
        }
        WireOutcome o = ctx.exchange(ctx.get(ctx.path("text.txt") + "%00.png"));
        Optional<WireResponse> r = Expect.response(o);
        if (r.isPresent() && r.get().status() == 200) {
            return Verdict.breach("text.txt%00.png answered 200: the name was truncated at the NUL");
        }
        return Verdict.pass("NUL handled: " + Expect.describe(ctx, o));
    }
}
