package dev.comp2322.webserver.adapters.socket;

import java.time.Duration;
import java.util.Objects;

/**
 * The wire's limits, timeouts and threads, one named setting each. {@link #defaults()} is the one
 * definition of every default; {@link #toBuilder()} changes some and keeps the rest.
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
 *   <tr><td>writeTimeout</td><td>30 s</td><td>a client that takes no bytes for that long is closed</td></tr>
 *   <tr><td>shutdownGrace</td><td>5 s</td><td>connections still busy after stop() waited that long are closed</td></tr>
 *   <tr><td>ioThreads</td><td>the number of processors</td><td>(the number of event loops)</td></tr>
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
 * @param writeTimeout          the longest a client may leave our output unread while a response is pending
 * @param shutdownGrace         how long stop() lets in-flight exchanges finish
 * @param ioThreads             how many event loops serve connections
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
        Duration shutdownGrace,
        int ioThreads) {

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
        requirePositive(ioThreads, "ioThreads");
        if (maxDiscardedBodyBytes < 0) {
            throw new IllegalArgumentException("maxDiscardedBodyBytes must not be negative");
        }
    }

    /** Every default, defined here once (the command line shows these). */
    public static WireSettings defaults() {
        return new WireSettings(
                Duration.ofSeconds(15), Duration.ofSeconds(10), 8192, 32_768, 100, 1L << 20, 16_384,
                Duration.ofSeconds(30), Duration.ofSeconds(5), Runtime.getRuntime().availableProcessors());
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a copy; {@link #build()} validates the result. */
    public static final class Builder {
        private Duration keepAliveTimeout;
        private Duration headerTimeout;
        private int maxRequestLineBytes;
        private int maxHeaderSectionBytes;
        private int maxHeaderFields;
        private long maxDiscardedBodyBytes;
        private int maxConnections;
        private Duration writeTimeout;
        private Duration shutdownGrace;
        private int ioThreads;

        private Builder(WireSettings from) {
            keepAliveTimeout = from.keepAliveTimeout;
            headerTimeout = from.headerTimeout;
            maxRequestLineBytes = from.maxRequestLineBytes;
            maxHeaderSectionBytes = from.maxHeaderSectionBytes;
            maxHeaderFields = from.maxHeaderFields;
            maxDiscardedBodyBytes = from.maxDiscardedBodyBytes;
            maxConnections = from.maxConnections;
            writeTimeout = from.writeTimeout;
            shutdownGrace = from.shutdownGrace;
            ioThreads = from.ioThreads;
        }

        public Builder keepAliveTimeout(Duration value) { keepAliveTimeout = value; return this; }
        public Builder headerTimeout(Duration value) { headerTimeout = value; return this; }
        public Builder maxRequestLineBytes(int value) { maxRequestLineBytes = value; return this; }
        public Builder maxHeaderSectionBytes(int value) { maxHeaderSectionBytes = value; return this; }
        public Builder maxHeaderFields(int value) { maxHeaderFields = value; return this; }
        public Builder maxDiscardedBodyBytes(long value) { maxDiscardedBodyBytes = value; return this; }
        public Builder maxConnections(int value) { maxConnections = value; return this; }
        public Builder writeTimeout(Duration value) { writeTimeout = value; return this; }
        public Builder shutdownGrace(Duration value) { shutdownGrace = value; return this; }
        public Builder ioThreads(int value) { ioThreads = value; return this; }

        public WireSettings build() {
            return new WireSettings(keepAliveTimeout, headerTimeout, maxRequestLineBytes, maxHeaderSectionBytes,
                    maxHeaderFields, maxDiscardedBodyBytes, maxConnections, writeTimeout, shutdownGrace, ioThreads);
        }
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
