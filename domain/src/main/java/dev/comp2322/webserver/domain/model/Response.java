package dev.comp2322.webserver.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * The domain's whole decision about one exchange: what to send and whether the connection stays
 * open afterwards. The wire adapter carries it out and decides nothing.
 *
 * @param status   the status code
 * @param headers  the header fields, in the order they are sent (Content-Length included)
 * @param body     the content that follows the head, if any
 * @param keepOpen whether to read another request from the same connection (RFC 9112 §9.3)
 */
public record Response(Status status, List<HeaderField> headers, Body body, boolean keepOpen) {

    public Response {
        Objects.requireNonNull(status, "status");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
    }
}
