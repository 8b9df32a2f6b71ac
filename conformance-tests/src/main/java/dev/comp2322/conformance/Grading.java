package dev.comp2322.conformance;

import dev.comp2322.conformance.catalogue.Verdict;
import java.util.List;
import java.util.Set;

/** Turns a check's verdict into an outcome: by level, by --strict, and by the course profile's status rule. */
final class Grading {
    /** The only statuses the COMP2322 assignment allows. */
    static final Set<Integer> COURSE_STATUSES = Set.of(200, 304, 400, 404);

    private Grading() {
    }

    record Graded(Outcome outcome, String reason) {
    }

    static Graded grade(Verdict verdict, Level level, boolean strict) {
        Outcome warn = strict ? Outcome.FAIL : Outcome.WARN;
        // if-instanceof, not a pattern switch: the kit compiles for Java 17 (issue 11).
        if (verdict instanceof Verdict.Pass p) {
            return new Graded(Outcome.PASS, p.detail());
        }
        if (verdict instanceof Verdict.Breach b) {
            return new Graded(switch (level) {
                case MUST -> Outcome.FAIL;
                case SHOULD -> warn;
                case MAY -> Outcome.INFO;
            }, b.reason());
        }
        if (verdict instanceof Verdict.Warn w) {
            return new Graded(warn, w.reason());
        }
        if (verdict instanceof Verdict.Fail f) {
            return new Graded(Outcome.FAIL, f.reason());
        }
        if (verdict instanceof Verdict.Info i) {
            return new Graded(Outcome.INFO, i.reason());
        }
        return new Graded(Outcome.SKIPPED, ((Verdict.Skip) verdict).reason());
    }

    /** In the course profile any status outside 200/304/400/404 is a FAIL, whatever the case checked. */
    static Graded applyCoursePolicy(Graded graded, ConformanceProfile profile, List<Integer> statuses) {
        if (profile != ConformanceProfile.COURSE) {
            return graded;
        }
        return statuses.stream().filter(s -> !COURSE_STATUSES.contains(s)).findFirst()
                .map(s -> new Graded(Outcome.FAIL, "course profile: the server answered " + s
                        + "; only 200, 304, 400 and 404 are allowed" + (graded.outcome() == Outcome.PASS ? ""
                        : " (and: " + graded.reason() + ")")))
                .orElse(graded);
    }
}
