package dev.comp2322.webserver.adapters.socket;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces every connection timeout from one shared timer thread: an expired read deadline
 * (keep-alive idle, request head, request body) shuts the connection's input down, which wakes
 * its blocked read; a write blocked past the write timeout closes the connection.
 *
 * <p>Why not SO_TIMEOUT on each read: a timed read on a virtual thread schedules and cancels a
 * timer task every time it parks, and the profile showed that costing about a third of the CPU
 * of a keep-alive request. Reads here block untimed; one sweep over all connections replaces a
 * timer per read, at the price of closing up to one period late.
 */
final class DeadlineSweeper {

    private static final long MIN_PERIOD_MILLIS = 10;
    private static final long MAX_PERIOD_MILLIS = 250;

    private DeadlineSweeper() {}

    /** Starts sweeping {@code connections}; the caller shuts the returned executor down. */
    static ScheduledExecutorService start(Connections connections, WireSettings settings) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("http-deadline-sweeper").daemon(true).factory());
        long writeTimeoutNanos = settings.writeTimeout().toNanos();
        long period = periodMillis(settings);
        timer.scheduleWithFixedDelay(
                () -> connections.enforceDeadlines(System.nanoTime(), writeTimeoutNanos),
                period, period, TimeUnit.MILLISECONDS);
        return timer;
    }

    /** A quarter of the shortest timeout, so a deadline is enforced at most 25% late (bounded to 10–250 ms). */
    static long periodMillis(WireSettings settings) {
        Duration shortest = settings.writeTimeout();
        for (Duration timeout : new Duration[] {settings.keepAliveTimeout(), settings.headerTimeout()}) {
            if (timeout.compareTo(shortest) < 0) {
                shortest = timeout;
            }
        }
        return Math.clamp(shortest.toMillis() / 4, MIN_PERIOD_MILLIS, MAX_PERIOD_MILLIS);
    }
}
