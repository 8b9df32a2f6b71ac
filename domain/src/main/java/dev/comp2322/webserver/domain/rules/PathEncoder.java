package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.ResourcePath;
import java.nio.charset.StandardCharsets;

/** Writes a {@link ResourcePath} back as a percent-encoded absolute path (RFC 3986 §3.3), for {@code Location}. */
final class PathEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoder() {}

    /** {@code path} with every octet that is not a {@code pchar} percent-encoded (RFC 3986 §2.1, UTF-8). */
    static String encode(ResourcePath path) {
        StringBuilder out = new StringBuilder(32);
        for (String segment : path.segments()) {
            out.append('/');
            for (byte octet : segment.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (octet & 0xff);
                if (c < 0x80 && (HostSyntax.isUnreserved(c) || HostSyntax.isSubDelim(c) || c == ':' || c == '@')) {
                    out.append(c);
                } else {
                    out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
            }
        }
        if (path.trailingSlash() || path.isRoot()) {
            out.append('/');
        }
        return out.toString();
    }
}
