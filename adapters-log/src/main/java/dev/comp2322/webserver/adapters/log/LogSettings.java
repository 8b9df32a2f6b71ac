package dev.comp2322.webserver.adapters.log;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The access log's tuning knobs. Package-private: the public API uses {@link #defaults()}; tests
 * shorten the delays and capture the console.
 *
 * @param queueCapacity  entries waiting for the writer before {@code record} blocks (or, while
 *                       the file can't be written, counts them as lost)
 * @param idleWriteDelay the quiet spell: while holding records the writer pauses this long between
 *                       drains, and writes when nothing came meanwhile (so a steady stream is
 *                       written in large pieces, not per record)
 * @param maxWriteDelay  the longest a record waits in memory while the file is healthy
 * @param retryInterval  how often a failing file is reopened and the write retried
 * @param reportInterval the least time between two console reports of a failing file
 * @param console        where fault reports go, one line each (standard error by default)
 */
record LogSettings(
        int queueCapacity,
        Duration idleWriteDelay,
        Duration maxWriteDelay,
        Duration retryInterval,
        Duration reportInterval,
        Consumer<String> console) {

    LogSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        }
        Objects.requireNonNull(idleWriteDelay, "idleWriteDelay");
        Objects.requireNonNull(maxWriteDelay, "maxWriteDelay");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(reportInterval, "reportInterval");
        Objects.requireNonNull(console, "console");
    }

    /** 8192 queued entries, write after 5 ms of quiet or 1 s at most, retry every 250 ms, report every 5 s. */
    static LogSettings defaults() {
        return new LogSettings(8192, Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofMillis(250),
                Duration.ofSeconds(5), line -> System.err.println(line));
    }
}
