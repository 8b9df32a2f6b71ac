package dev.comp2322.conformance.selftest;

/** A request the self-test server refuses: the status to send (course profile maps it to 400) and whether to close. */
final class ProtocolError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final boolean silent;

    ProtocolError(int status, String reason) {
        this(status, reason, false);
    }

    ProtocolError(int status, String reason, boolean silent) {
        super(reason, null, false, false);
        this.status = status;
        this.silent = silent;
    }
}
