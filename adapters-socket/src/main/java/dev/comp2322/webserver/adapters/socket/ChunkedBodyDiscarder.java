package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.adapters.socket.HttpChars.CR;
import static dev.comp2322.webserver.adapters.socket.HttpChars.LF;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.BAD_FRAMING;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.CONTENT_TOO_LARGE;

/**
 * Reads a chunked body (RFC 9112 §7.1) and throws its content away, so the next request starts
 * where this one ends. Chunk extensions are skipped, trailers are parsed with the header limits and
 * dropped (RFC 9112 §7.1.2), the total content is bounded (chunk data and size lines together).
 */
final class ChunkedBodyDiscarder {

    private enum State { SIZE, SIZE_WS, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILERS, DONE }

    private static final long MAX_BEFORE_SHIFT = Long.MAX_VALUE >> 4;

    private final long maxBodyBytes;
    private final int maxSizeLineBytes;
    private final FieldSectionParser trailers;
    private State state = State.SIZE;
    private int sizeDigits;
    private int sizeLineBytes;
    private long chunkSize;
    private long remaining;
    private long total;

    ChunkedBodyDiscarder(long maxBodyBytes, int maxSizeLineBytes, int maxTrailerBytes, int maxTrailerFields) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxSizeLineBytes = maxSizeLineBytes;
        this.trailers = new FieldSectionParser(maxTrailerBytes, maxTrailerFields);
    }

    /** Consumes body bytes from {@code in}; true once the last chunk and the trailer section were read. */
    boolean discard(ReadBuffer in) throws WireException {
        while (state != State.DONE && in.hasRemaining()) {
            if (state == State.DATA) {
                remaining -= in.skip(remaining);
                if (remaining == 0) {
                    state = State.DATA_CR;
                }
            } else if (state == State.TRAILERS) {
                if (trailers.parse(in)) {
                    state = State.DONE;
                }
            } else {
                step(in.get());
            }
        }
        return state == State.DONE;
    }

    private void step(byte b) throws WireException {
        switch (state) {
            case SIZE -> size(b);
            case SIZE_WS -> sizeWhitespace(b);
            case EXTENSION -> extension(b);
            case SIZE_LF -> expectLf(b, "bare CR after a chunk size");
            case DATA_CR -> dataCr(b);
            case DATA_LF -> {
                if (b != LF) {
                    throw new WireException(BAD_FRAMING, "chunk data not followed by CRLF");
                }
                startNextChunk();
            }
            default -> throw new IllegalStateException("unreachable: " + state);
        }
    }

    private void size(byte b) throws WireException {
        countSizeLineByte();
        int digit = HttpChars.hexValue(b);
        if (digit >= 0) {
            // RFC 9112 §7.1: recipients MUST anticipate large hex numbers and prevent overflow.
            if (chunkSize > MAX_BEFORE_SHIFT) {
                throw new WireException(BAD_FRAMING, "chunk size overflows");
            }
            chunkSize = (chunkSize << 4) | digit;
            sizeDigits++;
            return;
        }
        if (sizeDigits == 0) {
            throw new WireException(BAD_FRAMING, "missing chunk size");
        }
        if (HttpChars.isWhitespace(b)) {
            state = State.SIZE_WS;
        } else if (b == ';') {
            state = State.EXTENSION;
        } else {
            sizeLineEnd(b);
        }
    }

    private void sizeWhitespace(byte b) throws WireException {
        countSizeLineByte();
        // RFC 9112 §7.1.1: BWS may precede ";" of a chunk extension, and nothing else.
        if (b == ';') {
            state = State.EXTENSION;
        } else if (!HttpChars.isWhitespace(b)) {
            throw new WireException(BAD_FRAMING, "invalid character " + HttpChars.describe(b) + " after a chunk size");
        }
    }

    private void extension(byte b) throws WireException {
        countSizeLineByte();
        // RFC 9112 §7.1.1: a recipient MUST ignore unrecognised chunk extensions; control characters are never part of one.
        if (b == CR || b == LF) {
            sizeLineEnd(b);
        } else if (b != HttpChars.HTAB && (b >= 0 && b < 0x20 || b == 0x7F)) {
            throw new WireException(BAD_FRAMING, "invalid character " + HttpChars.describe(b) + " in a chunk extension");
        }
    }

    private void sizeLineEnd(byte b) throws WireException {
        if (b == CR) {
            state = State.SIZE_LF;
        } else if (b == LF) {
            sizeLineDone();
        } else {
            throw new WireException(BAD_FRAMING, "invalid character " + HttpChars.describe(b) + " in a chunk size");
        }
    }

    private void expectLf(byte b, String error) throws WireException {
        if (b != LF) {
            throw new WireException(BAD_FRAMING, error);
        }
        sizeLineDone();
    }

    private void sizeLineDone() throws WireException {
        // The size lines count too: 1-byte chunks with long extensions would otherwise cost ~8 KiB each
        // and a never-ending body would never reach the limit (RFC 9112 §7.1.1 lets us limit extensions).
        // Compared before adding: total + a chunk size near Long.MAX_VALUE would overflow to a negative total.
        if (chunkSize > maxBodyBytes - total - sizeLineBytes) {
            throw new WireException(CONTENT_TOO_LARGE, "request body larger than " + maxBodyBytes + " bytes");
        }
        total += sizeLineBytes + chunkSize;
        if (chunkSize == 0) {
            state = State.TRAILERS; // last-chunk: the trailer section follows (RFC 9112 §7.1.2)
            return;
        }
        remaining = chunkSize;
        state = State.DATA;
    }

    private void dataCr(byte b) throws WireException {
        if (b == CR) {
            state = State.DATA_LF;
        } else if (b == LF) {
            startNextChunk(); // RFC 9112 §2.2: bare LF accepted as a line terminator
        } else {
            throw new WireException(BAD_FRAMING, "chunk data longer than its size");
        }
    }

    private void startNextChunk() {
        chunkSize = 0;
        sizeDigits = 0;
        sizeLineBytes = 0;
        state = State.SIZE;
    }

    private void countSizeLineByte() throws WireException {
        if (++sizeLineBytes > maxSizeLineBytes) {
            throw new WireException(BAD_FRAMING, "chunk size line longer than " + maxSizeLineBytes + " bytes");
        }
    }

    void reset() {
        startNextChunk();
        remaining = 0;
        total = 0;
        trailers.reset();
    }
}
