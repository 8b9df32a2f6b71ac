package dev.comp2322.webserver.adapters.socket;

import java.time.Duration;
import java.util.Objects;

/**
 * The wire's limits and timeouts, one named setting each.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>keepAliveTimeout</td><td>15 s</td><td>idle connection closed silently, nothing logged</td></tr>
 *   <tr><td>headerTimeout</td><td>10 s</td><td>HEAD_TIMEOUT answered, logged, closed (slowloris)</td></tr>
 *   <tr><td>maxRequestLineBytes</td><td>8192</td><td>REQUEST_LINE_TOO_LONG</td></tr>
 *   <tr><td>maxHeaderSectionBytes</td><td>32768</td><td>HEADER_SECTION_TOO_LARGE</td></tr>
 *   <tr><td>maxHeaderFields</td><td>100</td><td>HEADER_SECTION_TOO_LARGE</td></tr>
 *   <tr><td>maxDiscardedBodyBytes</td><td>1 MiB</td><td>CONTENT_TOO_LARGE</td></tr>
 *   <tr><td>maxConnections</td><td>16,384</td><td>further connections wait in the kernel's listen backlog</td></tr>
 *   <tr><td>writeTimeout</td><td>30 s</td><td>a write blocked that long (client not reading) closes the connection</td></tr>
 *   <tr><td>shutdownGrace</td><td>5 s</td><td>connections still busy after stop() waited that long are closed</td></tr>
 * </table>
 *
 * @param keepAliveTimeout      how long an idle connection may wait for the first byte of its next request
 * @param headerTimeout         how long a request head may take from its first byte to its end;
 *                              also the longest pause allowed while a request body is discarded
 * @param maxRequestLineBytes   the longest request line, line ending excluded (RFC 9112 §3)
 * @param maxHeaderSectionBytes the largest header section, line endings included
 * @param maxHeaderFields       the most field lines in one header section (or trailer section)
 * @param maxDiscardedBodyBytes the largest request body read and thrown away (GET/HEAD carry none)
 * @param maxConnections        the most connections served at once
 * @param writeTimeout          the longest a single socket write may stay blocked
 * @param shutdownGrace         how long stop() lets in-flight exchanges finish
 */
public record WireSettings(
        Duration keepAliveTimeout,
        Duration headerTimeout,
        int maxRequestLineBytes,
        int maxHeaderSectionBytes,
        int maxHeaderFields,
        long maxDiscardedBodyBytes,
        int maxConnections,
        Duration writeTimeout,
        Duration shutdownGrace) {

    public WireSettings {
        requirePositive(keepAliveTimeout, "keepAliveTimeout");
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(writeTimeout, "writeTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
        // RFC 9112 §3: a server ought to support request lines of at least 8000 octets; we only require > 0.
        requirePositive(maxRequestLineBytes, "maxRequestLineBytes");
        requirePositive(maxHeaderSectionBytes, "maxHeaderSectionBytes");
        requirePositive(maxHeaderFields, "maxHeaderFields");
        requirePositive(maxConnections, "maxConnections");
        if (maxDiscardedBodyBytes < 0) {
            throw new IllegalArgumentException("maxDiscardedBodyBytes must not be negative");
        }
    }

    /** 15 s idle, 10 s head, 8 KiB line, 32 KiB header section, 100 fields, 1 MiB body, 16,384 connections, 30 s write, 5 s grace. */
    public static WireSettings defaults() {
        return new WireSettings(
                Duration.ofSeconds(15), Duration.ofSeconds(10), 8192, 32_768, 100, 1L << 20, 16_384,
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public WireSettings withKeepAliveTimeout(Duration value) {
        return new WireSettings(value, headerTimeout, maxRequestLineBytes, maxHeaderSectionBytes, maxHeaderFields,
                maxDiscardedBodyBytes, maxConnections, writeTimeout, shutdownGrace);
    }

    public WireSettings withHeaderTimeout(Duration value) {
        return new WireSettings(keepAliveTimeout, value, maxRequestLineBytes, maxHeaderSectionBytes, maxHeaderFields,
                maxDiscardedBodyBytes, maxConnections, writeTimeout, shutdownGrace);
    }

    public WireSettings withMaxRequestLineBytes(int value) {
        return new WireSettings(keepAliveTimeout, headerTimeout, value, maxHeaderSectionBytes, maxHeaderFields,
                maxDiscardedBodyBytes, maxConnections, writeTimeout, shutdownGrace);
    }

    public WireSettings withMaxHeaderSectionBytes(int value) {
        return new WireSettings(keepAliveTimeout, headerTimeout, maxRequestLineBytes, value, maxHeaderFields,
                maxDiscardedBodyBytes, maxConnections, writeTimeout, shutdownGrace);
    }

    public WireSettings withMaxHeaderFields(int value) {
        return new WireSettings(keepAliveTimeout, headerTimeout, maxRequestLineBytes, maxHeaderSectionBytes, value,
                maxDiscardedBodyBytes, maxConnections, writeTimeout, shutdownGrace);
    }

    public WireSettings withMaxDiscardedBodyBytes(long value) {
        return new WireSettings(keepAliveTimeout, headerTimeout, maxRequestLineBytes, maxHeaderSectionBytes,
                maxHeaderFields, value, maxConnections, writeTimeout, shutdownGrace);
    }

    public WireSettings withMaxConnections(int value) {
        return new WireSettings(keepAliveTimeout, headerTimeout, maxRequestLineBytes, maxHeaderSectionBytes,
                maxHeaderFields, maxDiscardedBodyBytes, value, writeTimeout, shutdownGrace);
    }

    public WireSettings withWriteTimeout(Duration value) {
        return new WireSettings(keepAliveTimeout, headerTimeout, maxRequestLineBytes, maxHeaderSectionBytes,
                maxHeaderFields, maxDiscardedBodyBytes, maxConnections, value, shutdownGrace);
    }

    public WireSettings withShutdownGrace(Duration value) {
        return new WireSettings(keepAliveTimeout, headerTimeout, maxRequestLineBytes, maxHeaderSectionBytes,
                maxHeaderFields, maxDiscardedBodyBytes, maxConnections, writeTimeout, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
