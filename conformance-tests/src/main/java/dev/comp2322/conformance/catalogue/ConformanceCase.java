package dev.comp2322.conformance.catalogue;

import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.Level;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the catalogue: a stable id that never encodes an RFC section, a title, the RFC
 * reference, the requirement level (optionally a different one in the course profile), the profiles
 * it applies to, the outcomes it accepts, why it matters, its preconditions, whether it must run alone,
 * and the check itself.
 *
 * <p>Cases run several at a time (issue 9 §5). A case whose verdict depends on the server being otherwise
 * idle (concurrency, slow or incomplete requests, size limits, timing) is declared {@code .exclusive()}:
 * it starts when no other case runs, and no other case starts until it ends.
 */
public record ConformanceCase(String id, String title, String reference, Level level, Optional<Level> courseLevel,
                              Set<ConformanceProfile> profiles, String accepts, String why,
                              List<String> dependsOn, boolean exclusive, Check check) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Validates the id and copies the collections. */
    public ConformanceCase {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("case ids are lower-case words joined by '-': " + id);
        }
        if (title == null || reference == null || level == null || accepts == null || why == null || check == null) {
            throw new IllegalArgumentException("case " + id + " is incomplete");
        }
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " applies to no profile");
        }
        profiles = Set.copyOf(profiles);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A case without the exclusive flag (the constructor before cases could run in parallel). */
    public ConformanceCase(String id, String title, String reference, Level level, Optional<Level> courseLevel,
                           Set<ConformanceProfile> profiles, String accepts, String why,
                           List<String> dependsOn, Check check) {
        this(id, title, reference, level, courseLevel, profiles, accepts, why, dependsOn, false, check);
    }

    /** The level that applies under a profile. */
    public Level levelIn(ConformanceProfile profile) {
        return profile == ConformanceProfile.COURSE ? courseLevel.orElse(level) : level;
    }

    /** Starts the definition of a case. */
    public static Builder define(String id, String title, String reference, Level level) {
        return new Builder(id, title, reference, level);
    }

    /** A small builder so the catalogue reads as a table. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final String reference;
        private final Level level;
        private Optional<Level> courseLevel = Optional.empty();
        private Set<ConformanceProfile> profiles = EnumSet.allOf(ConformanceProfile.class);
        private String accepts = "";
        private String why = "";
        private List<String> dependsOn = List.of();
        private boolean exclusive;

        private Builder(String id, String title, String reference, Level level) {
            this.id = id;
            this.title = title;
            this.reference = reference;
            this.level = level;
        }

        /** A different level in the course profile (the assignment may demand more than the RFC). */
        public Builder courseLevel(Level course) {
            this.courseLevel = Optional.of(course);
            return this;
        }

        /** Restricts the case to one profile. */
        public Builder only(ConformanceProfile profile) {
            this.profiles = EnumSet.of(profile);
            return this;
        }

        /** The outcomes the case accepts, in words. */
        public Builder accepts(String text) {
            this.accepts = text;
            return this;
        }

        /** One sentence shown on failure: why the requirement matters. */
        public Builder why(String text) {
            this.why = text;
            return this;
        }

        /** Cases that must pass first; otherwise this one is SKIPPED with their reason. */
        public Builder dependsOn(String... ids) {
            this.dependsOn = List.of(ids);
            return this;
        }

        /** The case runs alone: no other case runs beside it (concurrency, timing, limits). */
        public Builder exclusive() {
            this.exclusive = true;
            return this;
        }

        /** Completes the case with its check. */
        public ConformanceCase check(Check check) {
            return new ConformanceCase(id, title, reference, level, courseLevel, profiles, accepts, why, dependsOn,
                    exclusive, check);
        }
    }
}
