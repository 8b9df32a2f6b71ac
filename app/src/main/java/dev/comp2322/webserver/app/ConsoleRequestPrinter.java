package dev.comp2322.webserver.app;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Prints one console line per completed exchange:
 * {@code 14:03:07.412 127.0.0.1:53124 GET /index.html → 200 (6686 B, 0.4 ms)}.
 *
 * <p>The console must never slow the server down: request threads only append the formatted line to
 * an in-memory buffer under a short lock and never touch the terminal. A background flusher writes the
 * buffer out every {@link #FLUSH_INTERVAL} (fast enough to look immediate to a person, and at most a
 * few writes a second under load). If the console can't keep up (a stalled pipe), lines beyond
 * {@link #MAX_PENDING_CHARS} are dropped and counted: Log.csv, not the console, is the record.
 */
public final class ConsoleRequestPrinter implements AccessLog, AutoCloseable {

    /** How often buffered lines reach the console. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    /** The most text held for the console before new lines are dropped. */
    static final int MAX_PENDING_CHARS = 1 << 20;
    /** Long targets are cut on the console; Log.csv keeps them whole. */
    static final int MAX_TARGET_CHARS = 200;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final ZoneId zone;
    private final String arrow;
    private final ReentrantLock bufferLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private StringBuilder pending = new StringBuilder(8192);
    private long dropped;
    private ScheduledExecutorService flusher;

    /** A printer that writes only when {@link #flush()} is called; {@link #startFlushing()} adds the timer. */
    ConsoleRequestPrinter(PrintStream out, ZoneId zone) {
        this.out = Objects.requireNonNull(out, "out");
        this.zone = Objects.requireNonNull(zone, "zone");
        // A console that can't show "→" (e.g. LANG=C) gets "->" rather than a "?".
        this.arrow = out.charset().newEncoder().canEncode('→') ? "→" : "->";
    }

    /** A printer for {@code out} in the local time zone, flushed every {@link #FLUSH_INTERVAL} until closed. */
    public static ConsoleRequestPrinter start(PrintStream out) {
        ConsoleRequestPrinter printer = new ConsoleRequestPrinter(out, ZoneId.systemDefault());
        printer.startFlushing();
        return printer;
    }

    void startFlushing() {
        flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("console-flusher").daemon(true).factory());
        long millis = FLUSH_INTERVAL.toMillis();
        flusher.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(AccessLogEntry entry) {
        String line = format(entry);
        bufferLock.lock();
        try {
            if (pending.length() + line.length() > MAX_PENDING_CHARS) {
                dropped++;
            } else {
                pending.append(line);
            }
        } finally {
            bufferLock.unlock();
        }
    }

    /** Writes every buffered line to the console now. */
    public void flush() {
        writeLock.lock();
        try {
            StringBuilder chunk;
            long lost;
            bufferLock.lock();
            try {
                if (pending.isEmpty() && dropped == 0) {
                    return;
                }
                chunk = pending;
                lost = dropped;
                pending = new StringBuilder(Math.max(8192, chunk.length()));
                dropped = 0;
            } finally {
                bufferLock.unlock();
            }
            // The terminal write happens outside bufferLock, so a slow console never blocks a request.
            out.append(chunk);
            if (lost > 0) {
                out.append("(console too slow: ").append(Long.toString(lost)).append(" request lines not shown; see the log file)")
                        .append(System.lineSeparator());
            }
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Stops the flusher and writes what is left; idempotent. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
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
