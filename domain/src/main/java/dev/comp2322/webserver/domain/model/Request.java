package dev.comp2322.webserver.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A syntactically valid request head, as framed by the wire adapter (RFC 9112 §3, §5).
 *
 * @param method     the method token, case-sensitive (RFC 9110 §9.1)
 * @param target     the raw request-target, exactly as received
 * @param version    the protocol version of the request line
 * @param headers    the header fields in order
 * @param client     who sent it
 * @param receivedAt when its first byte arrived
 */
public record Request(
        String method,
        String target,
        HttpVersion version,
        HeaderFields headers,
        ClientAddress client,
        Instant receivedAt) {

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (method.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("method and target are never empty in a framed request line");
        }
    }

    /** True for {@code HEAD}: the same answer as GET, without the content (RFC 9110 §9.3.2). */
    public boolean isHead() {
        return method.equals("HEAD");
    }
}
