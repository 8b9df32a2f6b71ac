package dev.comp2322.conformance;

/** The requirement level of a case, in the RFC's own words (RFC 2119 / RFC 8174). */
public enum Level {
    /** A breach is a FAIL. */
    MUST,
    /** A breach is a WARN (a FAIL under --strict). */
    SHOULD,
    /** A breach is INFO: allowed, worth knowing. */
    MAY
}
