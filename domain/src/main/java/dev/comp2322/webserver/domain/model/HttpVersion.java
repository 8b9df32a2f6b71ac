package dev.comp2322.webserver.domain.model;

/**
 * The protocol version of a request line, {@code HTTP/major.minor} (RFC 9112 §2.3).
 *
 * <p>The parser only checks the syntax ({@code HTTP/} DIGIT {@code .} DIGIT); which versions are
 * served is the domain's decision.
 */
public record HttpVersion(int major, int minor) {

    public static final HttpVersion HTTP_1_0 = new HttpVersion(1, 0);
    public static final HttpVersion HTTP_1_1 = new HttpVersion(1, 1);

    public HttpVersion {
        // RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT — one digit each.
        if (major < 0 || major > 9 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("HTTP version digits must be 0-9: " + major + "." + minor);
        }
    }

    /** The version with these digits; the two every client sends are shared constants, not new records. */
    public static HttpVersion of(int major, int minor) {
        if (major == 1 && minor == 1) {
            return HTTP_1_1;
        }
        return major == 1 && minor == 0 ? HTTP_1_0 : new HttpVersion(major, minor);
    }

    /** True for HTTP/1.1 and any later 1.x, which RFC 9110 §6.2 says to treat as the highest 1.x we implement. */
    public boolean atLeastHttp11() {
        return major == 1 && minor >= 1;
    }

    @Override
    public String toString() {
        return "HTTP/" + major + "." + minor;
    }
}
