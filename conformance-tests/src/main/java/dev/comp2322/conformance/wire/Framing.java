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
    /** The body could not be read completely (early close, timeout, or a broken chunk). */
    BROKEN
}
