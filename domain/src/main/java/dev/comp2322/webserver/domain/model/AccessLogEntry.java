package dev.comp2322.webserver.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One completed exchange, as the access log records it. Method, target and version are empty
 * text when the request could not be parsed that far.
 *
 * @param timestamp  when the request's first byte arrived
 * @param clientIp   the peer's IP address
 * @param clientPort the peer's TCP port
 * @param method     the request method, or empty
 * @param target     the raw request-target, or empty
 * @param version    e.g. {@code HTTP/1.1}, or empty
 * @param status     the status code sent
 * @param bytesSent  bytes actually written for this response, head included
 * @param duration   from the first request byte to the last response byte
 * @param userAgent  the User-Agent field, or empty
 */
public record AccessLogEntry(
        Instant timestamp,
        String clientIp,
        int clientPort,
        String method,
        String target,
        String version,
        int status,
        long bytesSent,
        Duration duration,
        String userAgent) {

    public AccessLogEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(userAgent, "userAgent");
        if (bytesSent < 0) {
            throw new IllegalArgumentException("negative bytesSent");
        }
    }
}
