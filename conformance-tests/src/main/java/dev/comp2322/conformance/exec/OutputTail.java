package dev.comp2322.conformance.exec;

import dev.comp2322.conformance.KitThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drains a process's merged stdout and stderr on a daemon thread (so the server never blocks on a full
 * pipe) and keeps only its last lines, which the reports quote.
 */
final class OutputTail {
    private static final int MAX_LINE = 300;

    private final int keep;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread pump;

    private OutputTail(InputStream in, int keep) {
        this.keep = keep;
        this.pump = KitThreads.start(() -> drain(in));
    }

    /** Starts draining {@code in}, keeping its last {@code keep} lines. */
    static OutputTail of(InputStream in, int keep) {
        return new OutputTail(in, keep);
    }

    /** The last lines so far, oldest first. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits (bounded) until the stream ends: a server's last words arrive just before its exit is seen. */
    List<String> linesAfterExit(long waitMillis) {
        try {
            pump.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines();
    }

    private void drain(InputStream in) {
        // Servers print in the platform's encoding; UTF-8 with replacement never throws on odd bytes.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
            }
        } catch (IOException e) {
            add("[the kit stopped reading the server's output: " + e.getMessage() + "]");
        }
    }

    private synchronized void add(String line) {
        lines.addLast(line);
        while (lines.size() > keep) {
            lines.removeFirst();
        }
    }
}
