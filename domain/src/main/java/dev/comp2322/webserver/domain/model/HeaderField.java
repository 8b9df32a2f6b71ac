package dev.comp2322.webserver.domain.model;

import java.util.Objects;

/**
 * One header field: its name (case preserved; compared case-insensitively, RFC 9110 §5.1) and its
 * value with surrounding whitespace removed (RFC 9112 §5.1).
 *
 * <p>Only a field that can go on the wire is built: the name is a token (RFC 9110 §5.1) and the value
 * holds no control character but HTAB (§5.5). A CR or LF in a value would end the head early and let
 * the rest pose as more fields or a second response (response splitting, RFC 9112 §11.1).
 */
public record HeaderField(String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field name is never empty (RFC 9110 §5.1)");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("field name " + describe(name) + " is not a token (RFC 9110 §5.1)");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                throw new IllegalArgumentException("the value of " + name + " holds a control character at index " + i
                        + " (RFC 9110 §5.5)");
            }
        }
    }

    /** True when this field has the given name, ignoring case as RFC 9110 §5.1 requires. */
    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** CTL (RFC 5234 B.1: 0x00-0x1F, 0x7F) other than HTAB, which field values may hold as whitespace. */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    /** tchar (RFC 9110 §5.6.2). */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** A name for an error message, with anything unprintable shown as a code point: never echoed raw. */
    private static String describe(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        });
        return out.append('"').toString();
    }
}
