package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes response heads exactly as the domain decided them, one instance per event loop.
 *
 * <p>A memo keeps the encoded bytes of recent heads: a hot file is answered with the same fields
 * (only {@code Date} changes, once a second), so its head is found by comparing the domain's fields
 * with the remembered ones — a vectorised string comparison — instead of encoding them again. The
 * domain still decides every field of every response; the memo only skips re-encoding equal text.
 */
final class ResponseWriter {

    private static final byte[][] STATUS_LINES = statusLines();
    private static final int MEMO_SLOTS = 256; // a power of two

    /** One remembered head: the fields it was encoded from, and the bytes. */
    private static final class Memo {
        final Status status;
        final HeaderField[] fields;
        final byte[] bytes;

        Memo(Status status, HeaderField[] fields, byte[] bytes) {
            this.status = status;
            this.fields = fields;
            this.bytes = bytes;
        }

        boolean matches(Status other, List<HeaderField> otherFields) {
            if (status != other || fields.length != otherFields.size()) {
                return false;
            }
            for (int i = 0; i < fields.length; i++) {
                HeaderField mine = fields[i];
                HeaderField theirs = otherFields.get(i);
                if (mine != theirs && !(mine.value().equals(theirs.value()) && mine.name().equals(theirs.name()))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Memo[] memo = new Memo[MEMO_SLOTS];
    private byte[] scratch = new byte[1024];
    private int length;

    /** The encoded head of {@code response}, exactly; callers must not change the array. */
    byte[] head(Response response) {
        Status status = response.status();
        List<HeaderField> fields = response.headers();
        int slot = slot(status, fields);
        Memo known = memo[slot];
        if (known != null && known.matches(status, fields)) {
            return known.bytes;
        }
        byte[] bytes = encode(status, fields);
        memo[slot] = new Memo(status, fields.toArray(HeaderField[]::new), bytes);
        return bytes;
    }

    private static int slot(Status status, List<HeaderField> fields) {
        int hash = status.ordinal();
        for (int i = 0, n = fields.size(); i < n; i++) {
            hash = hash * 31 + fields.get(i).value().hashCode();
        }
        return (hash ^ (hash >>> 16)) & (MEMO_SLOTS - 1);
    }

    private byte[] encode(Status status, List<HeaderField> fields) {
        length = 0;
        // RFC 9110 §6.2: a server sends the highest minor version it conforms to, HTTP/1.1.
        append(STATUS_LINES[status.ordinal()]);
        for (int i = 0, n = fields.size(); i < n; i++) {
            HeaderField field = fields.get(i);
            String name = field.name();
            String value = field.value();
            ensureCapacity(length + name.length() + value.length() + 4);
            appendText(name);
            scratch[length++] = ':';
            scratch[length++] = ' ';
            appendText(value);
            scratch[length++] = '\r';
            scratch[length++] = '\n';
        }
        ensureCapacity(length + 2);
        scratch[length++] = '\r';
        scratch[length++] = '\n';
        return Arrays.copyOf(scratch, length);
    }

    private void appendText(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            // HeaderField refuses control characters; a char above 0xFF has no ISO-8859-1 byte.
            scratch[length++] = c > 0xFF ? (byte) '?' : (byte) c;
        }
    }

    private void append(byte[] bytes) {
        ensureCapacity(length + bytes.length);
        System.arraycopy(bytes, 0, scratch, length, bytes.length);
        length += bytes.length;
    }

    private void ensureCapacity(int capacity) {
        if (capacity > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(capacity, scratch.length * 2));
        }
    }

    private static byte[][] statusLines() {
        Status[] statuses = Status.values();
        byte[][] lines = new byte[statuses.length][];
        for (Status status : statuses) {
            lines[status.ordinal()] = ("HTTP/1.1 " + status.codeAndReason() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return lines;
    }
}
