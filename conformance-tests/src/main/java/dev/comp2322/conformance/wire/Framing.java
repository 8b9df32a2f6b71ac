package dev.comp2322.conformance.wire;

/** How the body of a received response was delimited (RFC 9112 §6.3). */
public enum Framing {
    /** No content by definition: HEAD, 1xx, 204, 304. */
    NONE,
    /** Content-Length octets were read. */
    LENGTH,
    /** Chunked transfer coding was decoded. */
    CHUNKED,
    /** Neither length nor chunked: the body ran until the server closed the connection. */
    CLOSE,
    /**
     * Bytes arrived but no end was found before the wait ran out: a body without Content-Length or
     * chunked on a connection the server kept open, or a Content-Length/chunked body that stalled.
     */
    UNTERMINATED,
    /** The announced framing was broken: the connection closed early, or the chunked coding is invalid. */
    BROKEN;

    /** True if the end of the message was found (by length, last chunk, close, or by definition). */
    public boolean complete() {
        return this != UNTERMINATED && this != BROKEN;
    }
}
