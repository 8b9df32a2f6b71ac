package dev.comp2322.conformance;

import dev.comp2322.conformance.wire.Target;
import java.time.Duration;
import java.util.List;

/**
 * What to run: the target URI ({@code http://host:port}), the fixture's path prefix, the profile,
 * whether SHOULD breaches fail (--strict), an optional list of id prefixes, the per-read timeout,
 * and who hears about progress. Build with {@link #of(String)} and the {@code with...} methods.
 */
public record RunOptions(String target, String prefix, ConformanceProfile profile, boolean strict,
                         List<String> only, Duration timeout, ProgressListener listener) {

    /** Validates: the target must parse, the timeout must be positive. */
    public RunOptions {
        prefix = Target.normalisePrefix(prefix);
        Target.parse(target, prefix);
        if (profile == null || listener == null) {
            throw new IllegalArgumentException("profile and listener are required");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        only = only.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Defaults: no prefix, course profile, not strict, every case, 5 s timeout, silent. */
    public static RunOptions of(String target) {
        return new RunOptions(target, "", ConformanceProfile.COURSE, false, List.of(), Duration.ofSeconds(5),
                ProgressListener.SILENT);
    }

    /** The parsed target. */
    public Target parsedTarget() {
        return Target.parse(target, prefix);
    }

    public RunOptions withTarget(String newTarget) {
        return new RunOptions(newTarget, prefix, profile, strict, only, timeout, listener);
    }

    public RunOptions withPrefix(String newPrefix) {
        return new RunOptions(target, newPrefix, profile, strict, only, timeout, listener);
    }

    public RunOptions withProfile(ConformanceProfile newProfile) {
        return new RunOptions(target, prefix, newProfile, strict, only, timeout, listener);
    }

    public RunOptions withStrict(boolean newStrict) {
        return new RunOptions(target, prefix, profile, newStrict, only, timeout, listener);
    }

    public RunOptions withOnly(List<String> idPrefixes) {
        return new RunOptions(target, prefix, profile, strict, idPrefixes, timeout, listener);
    }

    public RunOptions withTimeout(Duration newTimeout) {
        return new RunOptions(target, prefix, profile, strict, only, newTimeout, listener);
    }

    public RunOptions withListener(ProgressListener newListener) {
        return new RunOptions(target, prefix, profile, strict, only, timeout, newListener);
    }
}
