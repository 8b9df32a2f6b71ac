package dev.comp2322.webserver.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered header section of a request, with case-insensitive look-ups (RFC 9110 §5). The look-ups
 * run on every request and loop by index: an iterator over the immutable list is an allocation the
 * JIT does not always remove.
 */
public record HeaderFields(List<HeaderField> fields) {

    public static final HeaderFields NONE = new HeaderFields(List.of());

    public HeaderFields {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    /** Every value of the named field, in order of appearance. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (field.hasName(name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    /** How many field lines carry this name. */
    public int count(String name) {
        int count = 0;
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (field.hasName(name)) {
                count++;
            }
        }
        return count;
    }

    /** The value of the first field line with this name. */
    public Optional<String> first(String name) {
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (field.hasName(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /**
     * True when any comma-separated member of any line of the named field equals {@code token},
     * ignoring case — e.g. {@code Connection: keep-alive, Upgrade} (RFC 9110 §5.6.1, §7.6.1).
     * Scans in place: it runs on every request.
     */
    public boolean containsToken(String name, String token) {
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (field.hasName(name) && listContains(field.value(), token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listContains(String list, String token) {
        int from = 0;
        while (true) {
            int comma = list.indexOf(',', from);
            int end = comma < 0 ? list.length() : comma;
            int start = from;
            while (start < end && isOws(list.charAt(start))) {
                start++;
            }
            while (end > start && isOws(list.charAt(end - 1))) {
                end--;
            }
            if (end - start == token.length() && list.regionMatches(true, start, token, 0, token.length())) {
                return true;
            }
            if (comma < 0) {
                return false;
            }
            from = comma + 1;
        }
    }

    /** OWS = *( SP / HTAB ), RFC 9110 §5.6.3. */
    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
