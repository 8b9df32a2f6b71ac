package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.Request;
import java.time.Instant;
import java.util.Objects;

/**
 * One request being answered: what every step of the decision reads, fixed once when it starts.
 *
 * @param request     the framed request
 * @param persistence what becomes of the connection (the client's wish until a step overrides it)
 */
record Exchange(Request request, Persistence persistence) {

    Exchange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(persistence, "persistence");
    }

    /** The exchange as the client asked for it (RFC 9112 §9.3). */
    static Exchange of(Request request) {
        return new Exchange(request, Persistence.requestedBy(request));
    }

    /**
     * The instant the request arrived, stamped by the wire from the server's one clock: the domain's
     * only reading of time, used for {@code Date} and every comparison with "now" (style.md §5).
     */
    Instant now() {
        return request.receivedAt();
    }

    /** False for HEAD: GET's status and fields, without the content (RFC 9110 §9.3.2). */
    boolean withBody() {
        return !request.isHead();
    }

    /** The same exchange, closing the connection whatever the client asked. */
    Exchange closing() {
        return new Exchange(request, Persistence.CLOSE);
    }
}
