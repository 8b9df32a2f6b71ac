package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.Request;

/** What happens to the connection after a response (RFC 9112 §9.3), and what the response says about it. */
enum Persistence {
    /** The connection closes; the response says {@code Connection: close} (RFC 9112 §9.6). */
    CLOSE,
    /** HTTP/1.1 default persistence; nothing needs saying. */
    PERSIST,
    /** An HTTP/1.0 client asked for keep-alive; the response confirms it (RFC 9112 §9.3, Appendix C.2.2). */
    PERSIST_HTTP10;

    /**
     * RFC 9112 §9.3: HTTP/1.1 (and any later 1.x) persists unless the client sent the {@code close}
     * option; HTTP/1.0 persists only when it sent {@code keep-alive} and not {@code close}.
     */
    static Persistence requestedBy(Request request) {
        var headers = request.headers();
        if (headers.containsToken("Connection", "close")) {
            return CLOSE;
        }
        if (request.version().atLeastHttp11()) {
            return PERSIST;
        }
        return headers.containsToken("Connection", "keep-alive") ? PERSIST_HTTP10 : CLOSE;
    }

    /** Whether the server reads another request from the connection. */
    boolean keepOpen() {
        return this != CLOSE;
    }
}
