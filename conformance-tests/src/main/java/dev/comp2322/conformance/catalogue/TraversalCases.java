package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.MAY;

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
    private static final String WHY = "RFC 9110 §17.3: \"an origin server needs to avoid accessing names that have a special"
            + " significance to the system when mapping the target resource to files, folders, or directories\" (such as"
            + " \"..\"); serving files outside the root leaks keys and source code to anyone.";
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
                ConformanceCase.define("traversal-absolute-path", "an absolute file-system path in the target cannot leave the root",
                                REF, MUST)
                        .accepts("400 or 404 (rfc: or 403) for //<canary's absolute path> and <canary's absolute path>;"
                                + " never the canary").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §17.3: \"an origin server needs to avoid accessing names that have a special significance"
                                + " to the system when mapping the target resource to files\"; joining the root with an absolute"
                                + " path (os.path.join, Path.resolve) replaces the root.")
                        .check(TraversalCases::absolutePath),
                ConformanceCase.define("traversal-symlink", "a symbolic link to a file outside the root is not followed",
                                "RFC 9110 §17.3", MAY)
                        .accepts("404 (rfc: or 403); following the link is policy: INFO").dependsOn(ContentCases.BASE)
                        .why("No RFC sentence forbids serving a link the administrator placed in the root (RFC 9110 §17.3 only"
                                + " warns about names); refusing it keeps a stray link from exposing the file system.")
                        .check(TraversalCases::symlink));
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
        Optional<WireResponse> r = Expect.response(ctx.aside(ctx.get(parent + "/" + C)));
        if (r.isPresent() && Fixture.containsCanary(r.get().body())) {
            return Optional.of(Verdict.skip("the canary is inside the served tree at " + parent + "/" + C
                    + " (fixture installed below the document root?): install the fixture at the root to test traversal"));
        }
        return Optional.empty();
    }

    private static Verdict probe(CaseContext ctx, String requestTarget) throws IOException {
        return probe(ctx, requestTarget, false);
    }

    /** {@code aside}: the status is judged by another case (the NUL requests belong to target-encoded-nul). */
    private static Verdict probe(CaseContext ctx, String requestTarget, boolean aside) throws IOException {
        Optional<Verdict> skip = canaryServedLegitimately(ctx);
        if (skip.isPresent()) {
            return skip.get();
        }
        String request = ctx.get(requestTarget);
        WireOutcome o = aside ? ctx.aside(request) : ctx.exchange(request);
        Optional<WireResponse> r = Expect.response(o);
        if (r.isPresent() && Fixture.containsCanary(r.get().body())) {
            return Verdict.breach(requestTarget + " served the canary file from OUTSIDE the document root");
        }
        if (o instanceof WireOutcome.Silent s && s.why() == WireOutcome.Silent.Why.TIMEOUT) {
            return Verdict.breach(requestTarget + ": " + Expect.describe(ctx, o));
        }
        return Verdict.pass(requestTarget + " -> " + Expect.describe(ctx, o));
    }

    private static Verdict symlink(CaseContext ctx) throws IOException {
        Verdict v = probe(ctx, ctx.path(Fixture.ESCAPE_LINK));
        if (v instanceof Verdict.Breach && Expect.reason(v).contains("served the canary")) {
            return Verdict.info(Fixture.ESCAPE_LINK + ", a symbolic link placed inside the root, was followed to the canary"
                    + " outside it: a policy choice (nginx: disable_symlinks), not an RFC violation");
        }
        return v;
    }

    /** Reads the canary's absolute path from the fixture, then tries it as "//path" and as "/path". */
    private static Verdict absolutePath(CaseContext ctx) throws IOException {
        Optional<WireResponse> r = Expect.response(ctx.aside(ctx.get(ctx.path(Fixture.CANARY_LOCATION))));
        if (r.isEmpty() || r.get().status() != 200 || r.get().bodyLength() == 0) {
            return Verdict.skip(Fixture.CANARY_LOCATION + " (the canary's absolute path) was not served: install the"
                    + " fixture with this version of the kit (--install-fixture)");
        }
        String path = r.get().bodyText().trim().replace('\\', '/');
        String absolute = dev.comp2322.conformance.wire.Target.encodePath(path.startsWith("/") ? path : "/" + path);
        Verdict last = Verdict.pass("no escape");
        for (String t : new String[] {"/" + absolute, absolute}) {
            last = probe(ctx, t);
            if (!(last instanceof Verdict.Pass)) {
                return last;
            }
        }
        return last;
    }

    private static Verdict nul(CaseContext ctx) throws IOException {
        Verdict escape = probe(ctx, ctx.target().prefix() + "/../" + C + "%00.txt", true);
        if (!(escape instanceof Verdict.Pass)) {
            return escape;
        }
        WireOutcome o = ctx.aside(ctx.get(ctx.path("text.txt") + "%00.png"));
        Optional<WireResponse> r = Expect.response(o);
        if (r.isPresent() && r.get().status() == 200) {
            return Verdict.breach("text.txt%00.png answered 200: the name was truncated at the NUL");
        }
        return Verdict.pass("NUL handled: " + Expect.describe(ctx, o));
    }
}
