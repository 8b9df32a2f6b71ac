package dev.comp2322.conformance.catalogue;

/** What a case's check concluded, before the runner grades it by level, profile and --strict. */
public sealed interface Verdict {
    /** The requirement is met. */
    record Pass(String detail) implements Verdict {
    }

    /** The case's own requirement is breached: graded by its level (MUST = FAIL, SHOULD = WARN, MAY = INFO). */
    record Breach(String reason) implements Verdict {
    }

    /** A FAIL whatever the level: e.g. a status the course profile forbids, or a MUST beside the case's main point. */
    record Fail(String reason) implements Verdict {
    }

    /** A lesser deviation, WARN at any level (FAIL under --strict), e.g. a 400 where the RFC names 405. */
    record Warn(String reason) implements Verdict {
    }

    /** An observation, not graded (e.g. an optional feature the server does not offer). */
    record Info(String reason) implements Verdict {
    }

    /** The case could not be judged (a precondition failed). */
    record Skip(String reason) implements Verdict {
    }

    /** Shorthand for {@link Pass}. */
    static Verdict pass(String detail) {
        return new Pass(detail);
    }

    /** Shorthand for {@link Breach}. */
    static Verdict breach(String reason) {
        return new Breach(reason);
    }

    /** Shorthand for {@link Fail}. */
    static Verdict fail(String reason) {
        return new Fail(reason);
    }

    /** Shorthand for {@link Warn}. */
    static Verdict warn(String reason) {
        return new Warn(reason);
    }

    /** Shorthand for {@link Info}. */
    static Verdict info(String reason) {
        return new Info(reason);
    }

    /** Shorthand for {@link Skip}. */
    static Verdict skip(String reason) {
        return new Skip(reason);
    }
}
