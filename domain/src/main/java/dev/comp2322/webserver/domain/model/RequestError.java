package dev.comp2322.webserver.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A request the wire adapter could not frame. The domain answers it (status per profile) and the
 * connection always closes afterwards, because the rest of the byte stream can't be trusted
 * (RFC 9112 §9.3 / §11.2).
 *
 * @param kind       what went wrong
 * @param detail     a short human-readable reason; never echoed unescaped
 * @param client     who sent it
 * @param receivedAt when its first byte arrived
 */
public record RequestError(Kind kind, String detail, ClientAddress client, Instant receivedAt) {

    /** The kinds of framing failure, each named after the rule it breaks. */
    public enum Kind {
        /** Not {@code method SP target SP HTTP-version}, or a bad token or target character (RFC 9112 §3). */
        MALFORMED_REQUEST_LINE,
        /** A field line that is not {@code name ":" OWS value OWS}, obs-fold, or a forbidden character (RFC 9112 §5). */
        MALFORMED_FIELD,
        /** The request line exceeds the configured limit (RFC 9112 §3; 414 in the rfc profile). */
        REQUEST_LINE_TOO_LONG,
        /** The header section exceeds its size or field-count limit (RFC 6585 §5; 431 in the rfc profile). */
        HEADER_SECTION_TOO_LARGE,
        /** Invalid or conflicting Content-Length / Transfer-Encoding, or a broken chunked body (RFC 9112 §6). */
        BAD_FRAMING,
        /** A transfer coding other than chunked (RFC 9112 §6.1; 501 in the rfc profile). */
        UNSUPPORTED_TRANSFER_CODING,
        /** A request body larger than the server will read and discard (413 in the rfc profile). */
        CONTENT_TOO_LARGE,
        /** The request head did not arrive within the head timeout (408 in the rfc profile). */
        HEAD_TIMEOUT
    }

    public RequestError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
