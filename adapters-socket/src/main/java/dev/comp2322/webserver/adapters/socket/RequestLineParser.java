package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.adapters.socket.HttpChars.CR;
import static dev.comp2322.webserver.adapters.socket.HttpChars.LF;
import static dev.comp2322.webserver.adapters.socket.HttpChars.SP;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.MALFORMED_REQUEST_LINE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.REQUEST_LINE_TOO_LONG;

import dev.comp2322.webserver.domain.model.HttpVersion;

/**
 * Parses {@code request-line = method SP request-target SP HTTP-version} (RFC 9112 §3), strictly,
 * from as many bytes as have arrived. Call {@link #parse} again with more bytes until it returns true.
 */
final class RequestLineParser {

    private enum State { LEADING_EMPTY_LINE, LEADING_LF, METHOD, TARGET, VERSION, LINE_LF, DONE }

    private static final byte[] HTTP_NAME = {'H', 'T', 'T', 'P', '/'};
    private static final int VERSION_LENGTH = 8; // "HTTP/" DIGIT "." DIGIT

    private final int maxBytes;
    private final ByteScratch scratch = new ByteScratch(128);
    private final RecentText<String> recentTexts = new RecentText<>();
    private State state = State.LEADING_EMPTY_LINE;
    private int consumed;
    private int lineBytes;
    private int methodEnd;
    private int versionIndex;
    private int major;
    private int minor;
    private String method = "";
    private String target = "";
    private HttpVersion version = HttpVersion.HTTP_1_1;

    RequestLineParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Consumes request-line bytes from {@code in}; true once the line and its ending are complete. */
    boolean parse(ReadBuffer in) throws WireException {
        while (state != State.DONE && in.hasRemaining()) {
            if (state == State.METHOD || state == State.TARGET) {
                // The run in bulk; the byte that ends it (SP, or one in error) is left for the state machine.
                int n = in.moveRun(state == State.METHOD ? HttpChars.TCHAR : HttpChars.VISIBLE_ASCII,
                        maxBytes - lineBytes, scratch);
                consumed += n;
                lineBytes += n;
                if (!in.hasRemaining()) {
                    break;
                }
            }
            byte b = in.get();
            consumed++;
            switch (state) {
                case LEADING_EMPTY_LINE -> leadingEmptyLine(b);
                case LEADING_LF -> leadingLf(b);
                case METHOD -> method(b);
                case TARGET -> target(b);
                case VERSION -> version(b);
                case LINE_LF -> lineLf(b);
                case DONE -> throw new IllegalStateException("unreachable");
            }
        }
        return state == State.DONE;
    }

    private void leadingEmptyLine(byte b) throws WireException {
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line received before the request-line.
        if (b == CR) {
            state = State.LEADING_LF;
        } else if (b != LF) {
            state = State.METHOD;
            method(b);
            return;
        }
        if (consumed > maxBytes) {
            throw new WireException(MALFORMED_REQUEST_LINE, "too many empty lines before the request line");
        }
    }

    private void leadingLf(byte b) throws WireException {
        // RFC 9112 §2.2: a CR not followed by LF is invalid outside content.
        if (b != LF) {
            throw new WireException(MALFORMED_REQUEST_LINE, "bare CR before the request line");
        }
        state = State.LEADING_EMPTY_LINE;
    }

    private void method(byte b) throws WireException {
        countLineByte();
        if (b == SP && scratch.length() > 0) {
            methodEnd = scratch.length();
            method = recentTexts.value(0, scratch, 0, methodEnd, methodEnd, (text, empty) -> text);
            state = State.TARGET;
        } else if (HttpChars.isTokenChar(b)) {
            // RFC 9110 §9.1 / RFC 9112 §3.1: method = token.
            scratch.append(b);
        } else {
            throw new WireException(MALFORMED_REQUEST_LINE, "invalid character " + HttpChars.describe(b) + " in method");
        }
    }

    private void target(byte b) throws WireException {
        countLineByte();
        if (b == SP && scratch.length() > methodEnd) {
            target = recentTexts.value(1, scratch, methodEnd, scratch.length(), scratch.length(), (text, empty) -> text);
            state = State.VERSION;
        } else if (HttpChars.isVisibleAscii(b)) {
            // RFC 9112 §3.2: the request-target contains no whitespace or control characters.
            scratch.append(b);
        } else {
            throw new WireException(MALFORMED_REQUEST_LINE, "invalid character " + HttpChars.describe(b) + " in request-target");
        }
    }

    private void version(byte b) throws WireException {
        if (versionIndex == VERSION_LENGTH) {
            lineEnd(b);
            return;
        }
        countLineByte();
        // RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive.
        boolean ok = switch (versionIndex) {
            case 0, 1, 2, 3, 4 -> b == HTTP_NAME[versionIndex];
            case 5 -> isDigit(b) && setMajor(b - '0');
            case 6 -> b == '.';
            default -> isDigit(b) && setMinor(b - '0');
        };
        if (!ok) {
            throw new WireException(MALFORMED_REQUEST_LINE, "invalid HTTP-version (expected HTTP/d.d)");
        }
        versionIndex++;
    }

    private void lineEnd(byte b) throws WireException {
        // RFC 9112 §2.2: a bare LF MAY be accepted as a line terminator; a bare CR MUST NOT.
        if (b == CR) {
            state = State.LINE_LF;
        } else if (b == LF) {
            finish();
        } else {
            throw new WireException(MALFORMED_REQUEST_LINE, "invalid HTTP-version (expected HTTP/d.d)");
        }
    }

    private void lineLf(byte b) throws WireException {
        if (b != LF) {
            throw new WireException(MALFORMED_REQUEST_LINE, "bare CR in the request line");
        }
        finish();
    }

    private void finish() {
        version = HttpVersion.of(major, minor);
        state = State.DONE;
    }

    private void countLineByte() throws WireException {
        if (++lineBytes > maxBytes) {
            throw new WireException(REQUEST_LINE_TOO_LONG, "request line longer than " + maxBytes + " bytes");
        }
    }

    private boolean setMajor(int digit) {
        major = digit;
        return true;
    }

    private boolean setMinor(int digit) {
        minor = digit;
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    boolean done() {
        return state == State.DONE;
    }

    /** The method, or empty text while not yet parsed. */
    String method() {
        return method;
    }

    /** The request-target, or empty text while not yet parsed. */
    String target() {
        return target;
    }

    /** The version; meaningful only once {@link #done()}. */
    HttpVersion version() {
        return version;
    }

    void reset() {
        scratch.reset();
        state = State.LEADING_EMPTY_LINE;
        consumed = 0;
        lineBytes = 0;
        methodEnd = 0;
        versionIndex = 0;
        method = "";
        target = "";
    }
}
