package dev.comp2322.webserver.adapters.socket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Read buffers holding given bytes, for parser tests. */
final class ReadBuffers {

    private ReadBuffers() {}

    /** A buffer holding exactly these bytes. */
    static ReadBuffer of(byte[] content) {
        ReadBuffer buffer = new ReadBuffer(Math.max(1, content.length));
        buffer.load(ByteBuffer.wrap(content));
        return buffer;
    }

    /** A buffer holding this text's ISO-8859-1 bytes. */
    static ReadBuffer of(String content) {
        return of(content.getBytes(StandardCharsets.ISO_8859_1));
    }
}
