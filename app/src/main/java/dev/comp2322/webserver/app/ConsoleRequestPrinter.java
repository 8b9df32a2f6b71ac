package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.log.BatchingWriter;
import dev.comp2322.webserver.adapters.log.BatchingWriter.WhenFull;
import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Prints one console line per completed exchange:
 * {@code 14:03:07.412 127.0.0.1:53124 GET /index.html → 200 (6686 B, 0.4 ms)}.
 *
 * <p>The console must never slow the server down: request threads only queue the entry on a
 * {@link BatchingWriter}, whose thread formats and prints each burst about {@link #WINDOW} after it
 * starts (soon enough to look immediate, a few writes a second under load). If the console can't keep
 * up (a stalled pipe), entries beyond {@link #CAPACITY} are dropped and counted, never waited for:
 * Log.csv, not the console, is the record.
 */
public final class ConsoleRequestPrinter implements AccessLog, AutoCloseable {

    /** How long a burst of lines gathers before it is printed. */
    static final Duration WINDOW = Duration.ofMillis(100);
    /** The most entries held for the console before new ones are dropped. */
    static final int CAPACITY = 8192;
    /** Long targets are cut on the console; Log.csv keeps them whole. */
    static final int MAX_TARGET_CHARS = 200;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final ZoneId zone;
    private final String arrow;
    private final BatchingWriter<AccessLogEntry> writer;

    /** A printer for {@code out} whose times are shown in {@code zone}; its writer thread runs until closed. */
    ConsoleRequestPrinter(PrintStream out, ZoneId zone) {
        this.out = Objects.requireNonNull(out, "out");
        this.zone = Objects.requireNonNull(zone, "zone");
        // A console that can't show "→" (e.g. LANG=C) gets "->" rather than a "?".
        this.arrow = out.charset().newEncoder().canEncode('→') ? "→" : "->";
        this.writer = new BatchingWriter<>("console-printer",
                new BatchingWriter.Settings(CAPACITY, WINDOW, WINDOW, WhenFull.DROP), this::print);
    }

    /** A printer for {@code out} in the local time zone, until closed. */
    public static ConsoleRequestPrinter start(PrintStream out) {
        return new ConsoleRequestPrinter(out, ZoneId.systemDefault());
    }

    @Override
    public void record(AccessLogEntry entry) {
        writer.submit(entry);
    }

    /** Prints what is queued and stops the writer; idempotent. */
    @Override
    public void close() {
        writer.close();
    }

    /** One write per burst; a PrintStream reports no I/O errors, so this never fails. */
    private void print(List<AccessLogEntry> batch, long dropped) {
        StringBuilder text = new StringBuilder(128 * batch.size());
        batch.forEach(entry -> text.append(format(entry)));
        if (dropped > 0) {
            text.append("(console too slow: ").append(dropped).append(" request lines not shown; see the log file)")
                    .append(System.lineSeparator());
        }
        out.append(text);
        out.flush();
    }

    /** One console line, line separator included. */
    String format(AccessLogEntry entry) {
        StringBuilder line = new StringBuilder(96 + Math.min(entry.target().length(), MAX_TARGET_CHARS));
        TIME.formatTo(LocalTime.ofInstant(entry.timestamp(), zone), line);
        line.append(' ');
        if (entry.clientIp().indexOf(':') >= 0) {
            line.append('[').append(entry.clientIp()).append(']');
        } else {
            line.append(entry.clientIp());
        }
        line.append(':').append(entry.clientPort()).append(' ');
        // An unparseable request has no method or target yet; "-" keeps the columns readable.
        appendSafe(line, entry.method().isEmpty() ? "-" : entry.method(), MAX_TARGET_CHARS);
        line.append(' ');
        appendSafe(line, entry.target().isEmpty() ? "-" : entry.target(), MAX_TARGET_CHARS);
        line.append(' ').append(arrow).append(' ').append(entry.status())
                .append(" (").append(entry.bytesSent()).append(" B, ");
        appendMillis(line, entry.duration());
        line.append(" ms)").append(System.lineSeparator());
        return line.toString();
    }

    /** Appends {@code text} with control characters shown as '?', so no request can drive the terminal. */
    private static void appendSafe(StringBuilder line, String text, int max) {
        int end = Math.min(text.length(), max);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            line.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > max) {
            line.append("...");
        }
    }

    /** Milliseconds with one decimal, e.g. {@code 0.4}, without String.format on the request path. */
    private static void appendMillis(StringBuilder line, Duration duration) {
        long tenths = Math.max(0, duration.toNanos()) / 100_000;
        line.append(tenths / 10).append('.').append(tenths % 10);
    }
}
