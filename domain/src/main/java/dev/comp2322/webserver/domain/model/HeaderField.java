package dev.comp2322.webserver.domain.model;

import java.util.Objects;

/**
 * One header field as it appeared on the wire: its name (case preserved; compared
 * case-insensitively, RFC 9110 §5.1) and its value with surrounding whitespace removed (RFC 9112 §5.1).
 */
public record HeaderField(String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field name is never empty (RFC 9110 §5.1)");
        }
    }

    /** True when this field has the given name, ignoring case as RFC 9110 §5.1 requires. */
    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }
}
