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
        return switch (verdict) {
            case Verdict.Pass p -> new Graded(Outcome.PASS, p.detail());
            case Verdict.Breach b -> new Graded(switch (level) {
                case MUST -> Outcome.FAIL;
                case SHOULD -> warn;
                case MAY -> Outcome.INFO;
            }, b.reason());
            case Verdict.Warn w -> new Graded(warn, w.reason());
            case Verdict.Fail f -> new Graded(Outcome.FAIL, f.reason());
            case Verdict.Info i -> new Graded(Outcome.INFO, i.reason());
            case Verdict.Skip s -> new Graded(Outcome.SKIPPED, s.reason());
        };
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
