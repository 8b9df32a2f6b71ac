package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.adapters.socket.HttpChars.CR;
import static dev.comp2322.webserver.adapters.socket.HttpChars.LF;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.HEADER_SECTION_TOO_LARGE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.MALFORMED_FIELD;

import dev.comp2322.webserver.domain.model.HeaderField;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a field section, {@code *( field-line CRLF ) CRLF} with
 * {@code field-line = field-name ":" OWS field-value OWS} (RFC 9112 §5), strictly and within a
 * byte and a field-count limit. Used for the header section and for chunked trailers.
 */
final class FieldSectionParser {

    private enum State { LINE_START, NAME, LEADING_OWS, VALUE, LINE_LF, END_LF, DONE }

    private final int maxBytes;
    private final int maxFields;
    private final ByteScratch scratch = new ByteScratch(256);
    private final RecentText<HeaderField> recentFields = new RecentText<>();
    private final List<HeaderField> fields = new ArrayList<>();
    private State state = State.LINE_START;
    private int consumed;
    private int nameEnd;
    private boolean framingFields;
    private int valueEnd;

    FieldSectionParser(int maxBytes, int maxFields) {
        this.maxBytes = maxBytes;
        this.maxFields = maxFields;
    }

    /** Consumes field-section bytes from {@code in}; true once the empty line ending it was read. */
    boolean parse(ReadBuffer in) throws WireException {
        while (state != State.DONE && in.hasRemaining()) {
            if (state == State.NAME || state == State.VALUE) {
                moveRun(in);
                if (!in.hasRemaining()) {
                    break;
                }
            }
            // A byte that ends a run, starts a line or is in error: one step of the state machine.
            byte b = in.get();
            if (++consumed > maxBytes) {
                throw new WireException(HEADER_SECTION_TOO_LARGE, "header section larger than " + maxBytes + " bytes");
            }
            switch (state) {
                case LINE_START -> lineStart(b);
                case NAME -> name(b);
                case LEADING_OWS -> leadingOws(b);
                case VALUE -> value(b);
                case LINE_LF -> lineLf(b);
                case END_LF -> endLf(b);
                case DONE -> throw new IllegalStateException("unreachable");
            }
        }
        return state == State.DONE;
    }

    /** Takes the rest of a name or value run in bulk; the byte that ends it is left for the state machine. */
    private void moveRun(ReadBuffer in) {
        int start = scratch.length();
        boolean value = state == State.VALUE;
        consumed += in.moveRun(value ? HttpChars.FIELD_CONTENT : HttpChars.TCHAR, maxBytes - consumed, scratch);
        if (value) {
            int end = scratch.endWithoutTrailingWhitespace(start); // trailing OWS is not part of the value
            if (end > start) {
                valueEnd = end;
            }
        }
    }

    private void lineStart(byte b) throws WireException {
        if (b == CR) {
            state = State.END_LF;
        } else if (b == LF) {
            state = State.DONE; // RFC 9112 §2.2: bare LF accepted as a line terminator
        } else if (HttpChars.isWhitespace(b)) {
            // RFC 9112 §2.2: whitespace between the start-line and the first field line MUST be rejected;
            // RFC 9112 §5.2: later, it is obs-fold, which a server may reject with 400.
            throw new WireException(MALFORMED_FIELD, fields.isEmpty()
                    ? "whitespace line after the request line"
                    : "obsolete line folding (obs-fold)");
        } else {
            name(b);
            state = State.NAME;
        }
    }

    private void name(byte b) throws WireException {
        if (b == ':' && scratch.length() > 0) {
            nameEnd = scratch.length();
            valueEnd = nameEnd;
            state = State.LEADING_OWS;
        } else if (HttpChars.isTokenChar(b)) {
            scratch.append(b); // RFC 9110 §5.1: field-name = token
        } else if (HttpChars.isWhitespace(b)) {
            // RFC 9112 §5.1: no whitespace is allowed between the field name and colon; MUST reject with 400.
            throw new WireException(MALFORMED_FIELD, "whitespace before the colon in a field line");
        } else {
            throw new WireException(MALFORMED_FIELD, "invalid character " + HttpChars.describe(b) + " in a field name");
        }
    }

    private void leadingOws(byte b) throws WireException {
        if (!HttpChars.isWhitespace(b)) {
            state = State.VALUE;
            value(b);
        }
    }

    private void value(byte b) throws WireException {
        if (HttpChars.isFieldVisibleChar(b)) {
            scratch.append(b);
            valueEnd = scratch.length(); // trailing OWS is not part of the value (RFC 9112 §5.1)
        } else if (HttpChars.isWhitespace(b)) {
            scratch.append(b);
        } else if (b == CR) {
            state = State.LINE_LF;
        } else if (b == LF) {
            endField();
        } else {
            // RFC 9110 §5.5: CR, LF and NUL in a value MUST be rejected; other CTLs aren't field-vchar either.
            throw new WireException(MALFORMED_FIELD, "invalid character " + HttpChars.describe(b) + " in a field value");
        }
    }

    private void lineLf(byte b) throws WireException {
        if (b != LF) {
            throw new WireException(MALFORMED_FIELD, "bare CR in a field line"); // RFC 9112 §2.2
        }
        endField();
    }

    private void endLf(byte b) throws WireException {
        if (b != LF) {
            throw new WireException(MALFORMED_FIELD, "bare CR after the field section"); // RFC 9112 §2.2
        }
        state = State.DONE;
    }

    private void endField() throws WireException {
        if (fields.size() == maxFields) {
            throw new WireException(HEADER_SECTION_TOO_LARGE, "more than " + maxFields + " header fields");
        }
        HeaderField field = recentFields.value(fields.size(), scratch, 0, nameEnd, valueEnd, HeaderField::new);
        fields.add(field);
        framingFields |= field.hasName("Content-Length") || field.hasName("Transfer-Encoding");
        scratch.reset();
        state = State.LINE_START;
    }

    /** The fields parsed so far, in order. */
    List<HeaderField> fields() {
        return fields;
    }

    /** True when a Content-Length or Transfer-Encoding field was parsed: the body framing needs a look. */
    boolean hasFramingFields() {
        return framingFields;
    }

    void reset() {
        fields.clear();
        framingFields = false;
        scratch.reset();
        state = State.LINE_START;
        consumed = 0;
    }
}
