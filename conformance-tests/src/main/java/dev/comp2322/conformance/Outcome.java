package dev.comp2322.conformance;

/** The graded result of one case. */
public enum Outcome {
    /** The server did what the case requires. */
    PASS,
    /** A MUST was breached (or a SHOULD, under --strict). */
    FAIL,
    /** A SHOULD was breached. */
    WARN,
    /** An optional behaviour was absent or an observation worth reporting. */
    INFO,
    /** The case could not run: a precondition failed. */
    SKIPPED
}
