package dev.comp2322.webserver.adapters.socket;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the write timeout: a client that stops reading leaves its thread blocked in a write,
 * so one shared timer closes any connection whose current write has been blocked too long.
 */
final class WriteWatchdog {

    private static final long MIN_PERIOD_MILLIS = 10;
    private static final long MAX_PERIOD_MILLIS = 1000;

    private WriteWatchdog() {}

    /** Starts sweeping {@code connections}; the caller shuts the returned executor down. */
    static ScheduledExecutorService start(Connections connections, Duration writeTimeout) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("http-write-watchdog").daemon(true).factory());
        long timeoutNanos = writeTimeout.toNanos();
        // Sweeping at a quarter of the timeout closes a stalled writer at most 25% late.
        long period = Math.clamp(writeTimeout.toMillis() / 4, MIN_PERIOD_MILLIS, MAX_PERIOD_MILLIS);
        timer.scheduleWithFixedDelay(
                () -> connections.closeStalledWriters(System.nanoTime(), timeoutNanos),
                period, period, TimeUnit.MILLISECONDS);
        return timer;
    }
}
