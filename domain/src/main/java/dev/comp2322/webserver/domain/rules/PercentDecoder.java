package dev.comp2322.webserver.domain.rules;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-decoding of one path segment (RFC 3986 §2.1), the octets read as UTF-8 (RFC 3986 §2.5).
 * Strict: a {@code %} not followed by two hex digits, or octets that are not well-formed UTF-8
 * (overlong forms, surrogates, truncated sequences), give empty.
 */
final class PercentDecoder {

    private PercentDecoder() {}

    /** The decoded text of {@code raw[from, to)}, or empty when the escapes or the UTF-8 are malformed. */
    static Optional<String> decode(String raw, int from, int to) {
        byte[] octets = new byte[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !HostSyntax.isHex(raw.charAt(i + 1)) || !HostSyntax.isHex(raw.charAt(i + 2))) {
                    return Optional.empty();
                }
                octets[count++] = (byte) (hexValue(raw.charAt(i + 1)) << 4 | hexValue(raw.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                octets[count++] = (byte) c;
            } else {
                return Optional.empty(); // a URI is ASCII (RFC 3986 §2); callers check this first
            }
        }
        if (!isWellFormedUtf8(octets, count)) {
            return Optional.empty();
        }
        return Optional.of(new String(octets, 0, count, StandardCharsets.UTF_8));
    }

    /** The well-formed byte sequences of Unicode 15, Table 3-7 (the same rule as RFC 3629 §4). */
    static boolean isWellFormedUtf8(byte[] octets, int count) {
        int i = 0;
        while (i < count) {
            int lead = octets[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int extra;
            int secondMin = 0x80;
            int secondMax = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                extra = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                extra = 2;
                secondMin = lead == 0xe0 ? 0xa0 : 0x80; // no overlong 3-byte forms
                secondMax = lead == 0xed ? 0x9f : 0xbf; // no surrogates
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                extra = 3;
                secondMin = lead == 0xf0 ? 0x90 : 0x80; // no overlong 4-byte forms
                secondMax = lead == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
            } else {
                return false; // a stray continuation byte, C0/C1 (overlong) or F5..FF
            }
            if (i + extra >= count) {
                return false; // truncated sequence
            }
            int second = octets[i + 1] & 0xff;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= extra; k++) {
                int next = octets[i + k] & 0xff;
                if (next < 0x80 || next > 0xbf) {
                    return false;
                }
            }
            i += extra + 1;
        }
        return true;
    }

    private static int hexValue(char c) {
        if (c <= '9') {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }
}
