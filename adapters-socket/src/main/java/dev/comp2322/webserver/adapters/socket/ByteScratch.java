package dev.comp2322.webserver.adapters.socket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array where a parser collects one element's bytes before turning them into text. */
final class ByteScratch {

    private byte[] bytes;
    private int length;

    ByteScratch(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    void append(byte b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = b;
    }

    void append(byte[] source, int from, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    /** The end of [from, length) without its trailing SP and HTAB; {@code from} when that is all it holds. */
    int endWithoutTrailingWhitespace(int from) {
        int end = length;
        while (end > from && (bytes[end - 1] == HttpChars.SP || bytes[end - 1] == HttpChars.HTAB)) {
            end--;
        }
        return end;
    }

    int length() {
        return length;
    }

    void reset() {
        length = 0;
    }

    /** True when the bytes [from, to) are exactly {@code expected} (which may be null: never). */
    boolean regionEquals(int from, int to, byte[] expected) {
        return expected != null && Arrays.equals(bytes, from, to, expected, 0, expected.length);
    }

    /** A copy of the bytes [from, to). */
    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** The bytes [from, to) as text; ISO-8859-1 maps every byte to one char (RFC 9110 §5.5 obs-text). */
    String text(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
