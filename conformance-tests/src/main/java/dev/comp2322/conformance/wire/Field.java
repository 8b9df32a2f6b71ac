package dev.comp2322.conformance.wire;

/** One header field line of a response as received: name and value with surrounding whitespace trimmed. */
public record Field(String name, String value) {
    /** Rejects nulls; names and values are stored as received. */
    public Field {
        if (name == null || value == null) {
            throw new IllegalArgumentException("field name and value are required");
        }
    }

    /** Field names are case-insensitive (RFC 9110 §5.1). */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
