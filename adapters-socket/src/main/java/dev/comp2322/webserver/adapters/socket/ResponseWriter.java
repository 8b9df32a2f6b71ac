package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.model.Status;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a response head exactly as the domain decided it, into one reusable array per event loop.
 * The connection copies the head and a small body into the loop's output buffer, so both go out in
 * one write; a file body follows with {@code transferTo}.
 */
final class ResponseWriter {

    private static final byte[][] STATUS_LINES = statusLines();

    private byte[] head = new byte[1024];
    private int length;

    /** Encodes {@code response}'s head; the bytes are {@link #bytes()} up to {@link #length()}. */
    void encodeHead(Response response) {
        length = 0;
        // RFC 9110 §6.2: a server sends the highest minor version it conforms to, HTTP/1.1.
        append(STATUS_LINES[response.status().ordinal()]);
        List<HeaderField> fields = response.headers();
        for (int i = 0, n = fields.size(); i < n; i++) {
            HeaderField field = fields.get(i);
            String name = field.name();
            String value = field.value();
            ensureCapacity(length + name.length() + value.length() + 4);
            appendText(name);
            head[length++] = ':';
            head[length++] = ' ';
            appendText(value);
            head[length++] = '\r';
            head[length++] = '\n';
        }
        ensureCapacity(length + 2);
        head[length++] = '\r';
        head[length++] = '\n';
    }

    byte[] bytes() {
        return head;
    }

    int length() {
        return length;
    }

    private void appendText(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            // A CR, LF or NUL would end the head early (response splitting); a char above 0xFF has no ISO-8859-1 byte.
            head[length++] = c > 0xFF ? (byte) '?' : c == '\r' || c == '\n' || c == 0 ? (byte) ' ' : (byte) c;
        }
    }

    private void append(byte[] bytes) {
        ensureCapacity(length + bytes.length);
        System.arraycopy(bytes, 0, head, length, bytes.length);
        length += bytes.length;
    }

    private void ensureCapacity(int capacity) {
        if (capacity > head.length) {
            head = Arrays.copyOf(head, Math.max(capacity, head.length * 2));
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
