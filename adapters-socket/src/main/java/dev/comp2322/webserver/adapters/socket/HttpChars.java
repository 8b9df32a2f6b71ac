package dev.comp2322.webserver.adapters.socket;

/** Character classes of the HTTP grammar, as lookup tables over one byte. */
final class HttpChars {

    static final byte SP = ' ';
    static final byte HTAB = '\t';
    static final byte CR = '\r';
    static final byte LF = '\n';

    /*
     * The classes as tables over a byte, for the parsers' bulk runs (ReadBuffer.moveRun). Package-private
     * and mutable only because an array can't be otherwise; nothing writes them after this class loads.
     */
    /** tchar (RFC 9110 §5.6.2): methods and field names. */
    static final boolean[] TCHAR = new boolean[256];
    /** Visible US-ASCII, 0x21-0x7E: a request-target (RFC 9112 §3.2). */
    static final boolean[] VISIBLE_ASCII = new boolean[256];
    /** field-vchar (VCHAR / obs-text) or OWS: what may stand inside a field value (RFC 9110 §5.5). */
    static final boolean[] FIELD_CONTENT = new boolean[256];

    static {
        for (int b = 0x21; b < 0x7F; b++) {
            VISIBLE_ASCII[b] = true;
            FIELD_CONTENT[b] = true;
        }
        for (int b = 0x80; b <= 0xFF; b++) {
            FIELD_CONTENT[b] = true;
        }
        FIELD_CONTENT[SP] = true;
        FIELD_CONTENT[HTAB] = true;
        // RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private HttpChars() {}

    /** A token character (RFC 9110 §5.6.2), for methods and field names. */
    static boolean isTokenChar(byte b) {
        return TCHAR[b & 0xFF];
    }

    /** A visible US-ASCII character, 0x21-0x7E: what a request-target may contain (RFC 9112 §3.2). */
    static boolean isVisibleAscii(byte b) {
        return VISIBLE_ASCII[b & 0xFF];
    }

    /** field-vchar = VCHAR / obs-text (RFC 9110 §5.5): visible ASCII or 0x80-0xFF. */
    static boolean isFieldVisibleChar(byte b) {
        return FIELD_CONTENT[b & 0xFF] && !isWhitespace(b);
    }

    /** SP or HTAB, the OWS of RFC 9110 §5.6.3. */
    static boolean isWhitespace(byte b) {
        return b == SP || b == HTAB;
    }

    /** The value of a hex digit, or -1 (RFC 9112 §7.1: chunk-size = 1*HEXDIG). */
    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** A printable rendering of one byte for error details; raw input is never echoed as is. */
    static String describe(byte b) {
        int v = b & 0xFF;
        return v > 0x20 && v < 0x7F ? "'" + (char) v + "'" : String.format("0x%02X", v);
    }
}
