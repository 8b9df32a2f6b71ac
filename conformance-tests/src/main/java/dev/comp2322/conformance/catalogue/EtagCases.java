package dev.comp2322.conformance.catalogue;

import static dev.comp2322.conformance.Level.MAY;
import static dev.comp2322.conformance.Level.MUST;
import static dev.comp2322.conformance.Level.SHOULD;

import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.wire.HttpDates;
import dev.comp2322.conformance.wire.WireOutcome;
import dev.comp2322.conformance.wire.WireResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** ETag and If-None-Match. An ETag is optional in the course, so most cases SKIP when none is sent. */
final class EtagCases {
    private static final String NO_ETAG = "the server sends no ETag (optional in the course)";
    private static final String WHY = "If-None-Match lets clients revalidate by entity tag; a wrong answer serves stale files or wastes bandwidth.";

    private EtagCases() {
    }

    static List<ConformanceCase> cases() {
        return List.of(
                ConformanceCase.define("etag-present", "a file's 200 response carries an ETag", "RFC 9110 §8.8.3", SHOULD)
                        .courseLevel(MAY).accepts("an ETag field").dependsOn(ContentCases.BASE)
                        .why("RFC 9110 §8.8.3: \"An origin server SHOULD send an ETag for any selected representation for which detection"
                                + " of changes can be reasonably and consistently determined\".")
                        .check(ctx -> etag(ctx).isPresent() ? Verdict.pass("ETag: " + etag(ctx).get()) : Verdict.breach(NO_ETAG)),
                ConformanceCase.define("etag-syntax", "the ETag is a quoted entity-tag", "RFC 9110 §8.8.3", MUST)
                        .accepts("ETag: \"opaque\" or W/\"opaque\"").dependsOn(ContentCases.BASE)
                        .why("Clients echo the tag verbatim in If-None-Match; an unquoted tag cannot be compared.")
                        .check(EtagCases::syntax),
                matching("inm-match-is-304", "If-None-Match with the current ETag answers 304", t -> t,
                        SHOULD, MAY, ContentCases.BASE),
                matching("inm-weak-compare", "If-None-Match compares weakly (W/\"x\" matches \"x\")",
                        t -> t.startsWith("W/") ? t.substring(2) : "W/" + t, MUST, MUST, "inm-match-is-304"),
                matching("inm-list", "If-None-Match with a list that contains the ETag answers 304",
                        t -> "\"kit-a\", " + t + ", \"kit-b\"", MUST, MUST, "inm-match-is-304"),
                ConformanceCase.define("inm-star", "If-None-Match: * on an existing file answers 304", "RFC 9110 §13.1.2", SHOULD)
                        .courseLevel(MAY).accepts("304").dependsOn("inm-match-is-304").why(WHY)
                        .check(ctx -> {
                            Optional<Verdict> skip = exactMatchFails(ctx);
                            if (skip.isPresent()) {
                                return skip.get();
                            }
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path("index.html"), "If-None-Match: *"));
                            return Expect.is(o, 304) ? Verdict.pass("304") : Verdict.breach("expected 304, got " + Expect.describe(ctx, o));
                        }),
                ConformanceCase.define("inm-no-match-is-200", "If-None-Match with another tag answers 200 with the file",
                                "RFC 9110 §13.1.2", MUST)
                        .accepts("200 with index.html, byte-exact").dependsOn(ContentCases.BASE).why(WHY)
                        .check(ctx -> ConditionalCases.full(ctx, "If-None-Match: \"kit-no-such-etag\", W/\"kit-other\"")),
                ConformanceCase.define("inm-star-on-missing-is-404", "If-None-Match: * on a missing file answers 404",
                                "RFC 9110 §13.1.2, §13.2.1", MUST)
                        .accepts("404").dependsOn("missing-is-404")
                        .why("\"*\" only matches a current representation; a missing file must still be a 404.")
                        .check(ctx -> {
                            WireOutcome o = ctx.exchange(ctx.get(ctx.path(Fixture.MISSING), "If-None-Match: *"));
                            return Expect.is(o, 404) ? Verdict.pass("404") : Verdict.breach("expected 404, got " + Expect.describe(ctx, o));
                        }),
                ConformanceCase.define("not-modified-keeps-etag", "a 304 carries the ETag the 200 would have",
                                "RFC 9110 §15.4.5", MUST)
                        .accepts("304 with the same ETag as the 200").dependsOn("ims-equal-is-304")
                        .why("A cache updates its stored validators from the 304; a missing ETag leaves it unable to revalidate.")
                        .check(EtagCases::keepsEtag));
    }

    static Optional<String> etag(CaseContext ctx) throws IOException {
        return Expect.response(ctx.aside(ctx.get(ctx.path("index.html")))).flatMap(r -> r.header("ETag"));
    }

    /** entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3). */
    static boolean wellFormed(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            return false;
        }
        return t.substring(1, t.length() - 1).chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x7e) || c >= 0x80);
    }

    private static Verdict syntax(CaseContext ctx) throws IOException {
        Optional<String> tag = etag(ctx);
        if (tag.isEmpty()) {
            return Verdict.skip(NO_ETAG);
        }
        return wellFormed(tag.get()) ? Verdict.pass("ETag: " + tag.get())
                : Verdict.breach("ETag: " + tag.get() + " is not a quoted entity-tag");
    }

    private static ConformanceCase matching(String id, String title, UnaryOperator<String> header,
                                            dev.comp2322.conformance.Level level, dev.comp2322.conformance.Level course,
                                            String dependsOn) {
        return ConformanceCase.define(id, title, "RFC 9110 §13.1.2", level).courseLevel(course)
                .accepts("304").dependsOn(dependsOn).why(WHY)
                .check(ctx -> {
                    Optional<String> tag = etag(ctx);
                    if (tag.isEmpty() || !wellFormed(tag.get())) {
                        return Verdict.skip(tag.isEmpty() ? NO_ETAG : "the ETag is malformed");
                    }
                    String value = header.apply(tag.get());
                    if (!value.equals(tag.get())) {
                        Optional<Verdict> skip = exactMatchFails(ctx);
                        if (skip.isPresent()) {
                            return skip.get();
                        }
                    }
                    WireOutcome o = ctx.exchange(ctx.get(ctx.path("index.html"), "If-None-Match: " + value));
                    return Expect.is(o, 304) ? Verdict.pass("304 for If-None-Match: " + value)
                            : Verdict.breach("If-None-Match: " + value + " got " + Expect.describe(ctx, o) + ", expected 304");
                });
    }

    /**
     * Weak comparison, lists and "*" refine the plain match: when the server does not answer 304 to its own
     * ETag at all, that is inm-match-is-304's fault (a WARN in rfc), and these cases have nothing to judge.
     */
    private static Optional<Verdict> exactMatchFails(CaseContext ctx) throws IOException {
        Optional<String> tag = etag(ctx);
        if (tag.isEmpty()) {
            return Optional.of(Verdict.skip(NO_ETAG));
        }
        WireOutcome o = ctx.aside(ctx.get(ctx.path("index.html"), "If-None-Match: " + tag.get()));
        return Expect.is(o, 304) ? Optional.empty() : Optional.of(Verdict.skip("If-None-Match with the server's own ETag"
                + " got " + Expect.describe(ctx, o) + " (inm-match-is-304 reports it), so this refinement cannot be judged"));
    }

    private static Verdict keepsEtag(CaseContext ctx) throws IOException {
        Optional<String> tag = etag(ctx);
        if (tag.isEmpty()) {
            return Verdict.skip(NO_ETAG);
        }
        Optional<WireResponse> r = Expect.response(ctx.exchange(ctx.get(ctx.path("index.html"),
                "If-Modified-Since: " + HttpDates.imfFixdate(ConditionalCases.validator(ctx, "index.html")))));
        if (r.isEmpty() || r.get().status() != 304) {
            return Verdict.skip("no 304 this time");
        }
        return tag.equals(r.get().header("ETag")) ? Verdict.pass("304 carries ETag " + tag.get())
                : Verdict.breach("the 304 has ETag " + r.get().header("ETag").orElse("(none)") + ", the 200 had " + tag.get());
    }
}
