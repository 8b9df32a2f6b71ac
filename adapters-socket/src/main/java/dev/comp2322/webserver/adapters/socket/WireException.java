package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.RequestError;

/**
 * A request that can't be framed: the kind of error and a short, printable reason. Thrown only on
 * bad input, never for ordinary control flow, and without a stack trace, since the place is known.
 */
final class WireException extends Exception {

    private final RequestError.Kind kind;

    WireException(RequestError.Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    RequestError.Kind kind() {
        return kind;
    }

    String detail() {
        return getMessage();
    }
}
