package dev.comp2322.conformance;

import java.util.Locale;

/** Which rule book a run grades against. */
public enum ConformanceProfile {
    /** The COMP2322 assignment: only 200, 304, 400 and 404 are acceptable statuses. */
    COURSE,
    /** What RFC 9110/9112 allow: 405 + Allow, 501, 505, 414, 431 and friends where they fit. */
    RFC;

    /** Parses "course" or "rfc" (any case). */
    public static ConformanceProfile parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "course" -> COURSE;
            case "rfc" -> RFC;
            default -> throw new IllegalArgumentException("profile must be course or rfc, got " + text);
        };
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
