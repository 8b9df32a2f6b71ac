package dev.comp2322.webserver.adapters.socket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a connection has received and not yet consumed. Parsers take bytes from
 * {@code pos} up to {@code limit}; what they leave (e.g. a pipelined request) stays for the next one.
 */
final class ReadBuffer {

    final byte[] bytes;
    int pos;
    int limit;

    ReadBuffer(int capacity) {
        this.bytes = new byte[capacity];
    }

    /** A buffer holding exactly these bytes, for tests. */
    static ReadBuffer of(byte[] content) {
        ReadBuffer buffer = new ReadBuffer(Math.max(1, content.length));
        System.arraycopy(content, 0, buffer.bytes, 0, content.length);
        buffer.limit = content.length;
        return buffer;
    }

    /** A buffer holding this text's ISO-8859-1 bytes, for tests. */
    static ReadBuffer of(String content) {
        return of(content.getBytes(StandardCharsets.ISO_8859_1));
    }

    boolean hasRemaining() {
        return pos < limit;
    }

    int remaining() {
        return limit - pos;
    }

    /**
     * Reads once into the empty buffer. Parsers consume everything they are given before asking
     * for more, so the buffer is always empty here and never holds more than one read.
     *
     * @return the number of bytes read, or -1 at end of stream
     */
    int fill(InputStream in) throws IOException {
        if (hasRemaining()) {
            throw new IllegalStateException("fill with unconsumed bytes");
        }
        pos = 0;
        limit = 0;
        int n = in.read(bytes, 0, bytes.length);
        if (n > 0) {
            limit = n;
        }
        return n;
    }
}
