package dev.comp2322.conformance.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes a case sent and received, in order, exactly as they crossed the wire (escaped for display
 * and cut after 2048 bytes per entry, never reconstructed or interpreted), so that a failure
 * shows the request and the response as they were. Safe to share between the threads of a
 * concurrency case.
 */
public final class Transcript {
    /** Longest excerpt kept per entry; bodies of large files are cut. */
    static final int CAP = 2048;

    /** One entry: who spoke ({@code ">> conn 1"}) and a printable rendering of the bytes. */
    public record Entry(String label, String text) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();

    /** Records bytes sent on a connection. */
    public void sent(int connection, byte[] bytes, int length) {
        add(new Entry(">> conn " + connection + " sent", printable(bytes, length)));
    }

    /** Records bytes a client library sent on a connection ({@code via} names it, e.g. "REST Assured"). */
    public void sent(int connection, byte[] bytes, int length, String via) {
        add(new Entry(">> conn " + connection + " sent (" + via + ")", printable(bytes, length)));
    }

    /** Records bytes received on a connection. */
    public void received(int connection, byte[] bytes, int length, String note) {
        String text = printable(bytes, length);
        add(new Entry("<< conn " + connection + " received" + (note.isEmpty() ? "" : " (" + note + ")"), text));
    }

    /** Records a free-text note (e.g. an exchange made through REST Assured). */
    public void note(String label, String text) {
        add(new Entry(label, text));
    }

    /** Records the status code of a response received (the course profile checks every one). */
    public void status(int code) {
        lock.lock();
        try {
            statuses.add(code);
        } finally {
            lock.unlock();
        }
    }

    /** Every status code received so far, in order. */
    public List<Integer> statuses() {
        lock.lock();
        try {
            return List.copyOf(statuses);
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot of the entries so far. */
    public List<Entry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    private void add(Entry entry) {
        lock.lock();
        try {
            entries.add(entry);
        } finally {
            lock.unlock();
        }
    }

    /** Renders bytes readably: CRLF shown as {@code \r\n} plus a line break, other controls and non-ASCII as {@code \xNN}. */
    public static String printable(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(Math.min(length, CAP) + 32);
        int shown = Math.min(length, CAP);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r') {
                out.append("\\r");
            } else if (b == '\n') {
                out.append("\\n\n");
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            } else {
                out.append((char) b);
            }
        }
        if (length > shown) {
            out.append("\n... (").append(length - shown).append(" more bytes not shown)");
        }
        return out.toString();
    }
}
