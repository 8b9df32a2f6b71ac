package dev.comp2322.conformance.wire;

/**
 * Something the tolerant response parser noticed while reading a response and read past, the way
 * curl and browsers do. A case judges only its own requirement; the one case that owns a wire defect
 * (the status-line/field grammar, or the message framing) asks {@link WireResponse#has} or
 * {@link WireResponse#syntaxProblem()} / {@link WireResponse#framingProblem()} and reports it.
 */
public record Observation(Kind kind, String detail) {

    /** Which requirement an observation breaks, and so which case reports it. */
    public enum Category {
        /** The message grammar: status line, line ends, field lines (RFC 9112 §2.2, §4, §5). */
        SYNTAX,
        /** Where the message ends: Content-Length, chunked, close (RFC 9112 §6). */
        FRAMING
    }

    /** The kinds of deviation the parser reads past. */
    public enum Kind {
        /** A line of the head ended in LF without CR (RFC 9112 §2.2: CRLF). */
        BARE_LF(Category.SYNTAX),
        /** The status line breaks {@code HTTP-version SP 3DIGIT SP [reason]} (RFC 9112 §4), e.g. no SP after the code. */
        STATUS_LINE(Category.SYNTAX),
        /** A field line without a colon, or with whitespace before the colon (RFC 9112 §5, §5.1). */
        FIELD_LINE(Category.SYNTAX),
        /** A field value continued on the next line (obs-fold, RFC 9112 §5.2); joined with a space. */
        OBS_FOLD(Category.SYNTAX),
        /** Empty lines before the status line: left-over bytes of the previous message (RFC 9112 §2.2). */
        STRAY_EMPTY_LINE(Category.FRAMING),
        /** Content-Length that is not a single non-negative integer, or values that disagree (RFC 9110 §8.6). */
        INVALID_CONTENT_LENGTH(Category.FRAMING),
        /** Both Transfer-Encoding and Content-Length (RFC 9112 §6.2: a sender MUST NOT). */
        LENGTH_AND_CHUNKED(Category.FRAMING),
        /** A chunk-size line or chunk end that is not valid chunked coding (RFC 9112 §7.1). */
        BAD_CHUNK(Category.FRAMING),
        /** The connection closed before the announced end of the body (Content-Length or last chunk). */
        TRUNCATED(Category.FRAMING),
        /** Bytes arrived but no end of the message was found before the wait ran out. */
        UNTERMINATED(Category.FRAMING);

        private final Category category;

        Kind(Category category) {
            this.category = category;
        }

        /** Which requirement this kind breaks. */
        public Category category() {
            return category;
        }
    }

    /** Both parts are required. */
    public Observation {
        if (kind == null || detail == null) {
            throw new IllegalArgumentException("an observation needs a kind and a detail");
        }
    }
}
