package dev.comp2322.webserver.adapters.socket;

import java.nio.ByteBuffer;

/**
 * The bytes of one read that a connection has not yet consumed. Parsers take bytes with
 * {@link #get()} and {@link #skip(long)}; what they leave (e.g. a pipelined request) stays for the next one.
 */
final class ReadBuffer {

    private final byte[] bytes;
    private int pos;
    private int limit;

    ReadBuffer(int capacity) {
        this.bytes = new byte[capacity];
    }

    int capacity() {
        return bytes.length;
    }

    /** Replaces the content with all of {@code source}'s remaining bytes (at most the capacity). */
    void load(ByteBuffer source) {
        int n = source.remaining();
        source.get(bytes, 0, n);
        pos = 0;
        limit = n;
    }

    /** Replaces the content with {@code length} bytes of {@code source} from {@code from}. */
    void load(byte[] source, int from, int length) {
        System.arraycopy(source, from, bytes, 0, length);
        pos = 0;
        limit = length;
    }

    /** A copy of the bytes not yet consumed (kept by a connection whose output is blocked). */
    byte[] copyRemaining() {
        byte[] copy = new byte[limit - pos];
        System.arraycopy(bytes, pos, copy, 0, copy.length);
        return copy;
    }

    boolean hasRemaining() {
        return pos < limit;
    }

    int remaining() {
        return limit - pos;
    }

    /** The next byte; call only while {@link #hasRemaining()}. */
    byte get() {
        return bytes[pos++];
    }

    /**
     * Moves the run of bytes from here on that {@code allowed} accepts, at most {@code max} of them, to
     * {@code to}; returns how many. The long elements of a head (a target, a field value) go this way,
     * in one tight loop and one copy, rather than a byte per step of a parser's state machine.
     */
    int moveRun(boolean[] allowed, int max, ByteScratch to) {
        int start = pos;
        int end = start + Math.min(max, limit - start);
        int at = start;
        while (at < end && allowed[bytes[at] & 0xFF]) {
            at++;
        }
        to.append(bytes, start, at - start);
        pos = at;
        return at - start;
    }

    /** Consumes up to {@code max} bytes without looking at them; returns how many. */
    int skip(long max) {
        int n = (int) Math.min(max, limit - pos);
        pos += n;
        return n;
    }

    /** Drops everything not yet consumed. */
    void clear() {
        pos = limit;
    }
}
