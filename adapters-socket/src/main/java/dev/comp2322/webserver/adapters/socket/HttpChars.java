package dev.comp2322.webserver.adapters.socket;

/** Character classes of the HTTP grammar, as lookup tables over one byte. */
final class HttpChars {

    static final byte SP = ' ';
    static final byte HTAB = '\t';
    static final byte CR = '\r';
    static final byte LF = '\n';

    private static final boolean[] TCHAR = new boolean[256];

    static {
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
        return b > 0x20 && b < 0x7F;
    }

    /** field-vchar = VCHAR / obs-text (RFC 9110 §5.5): visible ASCII or 0x80-0xFF. */
    static boolean isFieldVisibleChar(byte b) {
        return isVisibleAscii(b) || b < 0;
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
