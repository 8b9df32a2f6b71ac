package dev.comp2322.webserver.adapters.socket;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * The values a parser made from the bytes of the last request, by position, handed back when the same
 * bytes come again. A keep-alive client repeats its head almost byte for byte (the same method and
 * target, the same Host, User-Agent and Accept lines), so most elements of a request head are found
 * here: no new strings, no second validation of a header field, and the domain's one-entry memos
 * (target, Host, If-Modified-Since) then match by identity.
 *
 * <p>Bounded, because a reader is pooled and a hostile client chooses the bytes: only the first
 * {@value #SLOTS} positions and elements of at most {@value #MAX_BYTES} bytes are remembered, so one
 * memo holds at most {@value #SLOTS} × {@value #MAX_BYTES} bytes. Confined to its parser's thread.
 *
 * @param <T> what is made from the bytes (a String, a header field)
 */
final class RecentText<T> {

    static final int SLOTS = 16;
    static final int MAX_BYTES = 128;

    private final byte[][] lastBytes = new byte[SLOTS][];
    private final int[] lastSplits = new int[SLOTS];
    private final Object[] lastValues = new Object[SLOTS];

    /**
     * What {@code make} returns for the texts of {@code bytes[from, split)} and {@code bytes[split, to)},
     * or the value it made the last time position {@code position} held exactly these bytes, split there.
     */
    T value(int position, ByteScratch bytes, int from, int split, int to, BiFunction<String, String, T> make) {
        boolean remembered = position < SLOTS && to - from <= MAX_BYTES;
        if (remembered && lastSplits[position] == split - from && bytes.regionEquals(from, to, lastBytes[position])) {
            @SuppressWarnings("unchecked") // only this method stores values, and it stores Ts
            T value = (T) lastValues[position];
            return value;
        }
        T value = make.apply(bytes.text(from, split), bytes.text(split, to));
        if (remembered) {
            lastBytes[position] = bytes.copy(from, to);
            lastSplits[position] = split - from;
            lastValues[position] = value;
        }
        return value;
    }
}
