package dev.comp2322.webserver.app;

import java.io.Serial;

/**
 * The server could not start for a reason the user can fix (a missing root, a port in use, an
 * unopenable log). Its message is one line, printed as is; it never carries a stack trace to the user.
 */
public final class StartupException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A failure described by one line of text, e.g. {@code cannot listen on 127.0.0.1:2130: Address already in use}. */
    public StartupException(String oneLine) {
        super(oneLine, null, false, false);
    }
}
