package dev.comp2322.webserver.domain.rules;

/**
 * The grammar of {@code Host} (RFC 9110 §7.2: {@code uri-host [ ":" port ]}) and of the authority of
 * an absolute-form target (RFC 3986 §3.2), checked by hand: it runs on every request.
 */
final class HostSyntax {

    /** The last Host value checked: every request of a client, and usually of all clients, names the same one. */
    private static final LastResult<String, Boolean> LAST_HOST = new LastResult<>(
            value -> value.isEmpty() || isValidHostAndPort(value, 0, value.length(), true));

    private HostSyntax() {}

    /** A valid {@code Host} field value; empty is valid (RFC 9110 §7.2: a URI without authority). */
    static boolean isValidHostField(String value) {
        return LAST_HOST.apply(value);
    }

    /**
     * A valid authority of an {@code http}/{@code https} target: a non-empty host (RFC 9110 §4.2.1:
     * an empty host MUST be rejected), optional port, and no userinfo (§4.2.4: treat it as an error).
     */
    static boolean isValidTargetAuthority(String target, int from, int to) {
        return to > from && isValidHostAndPort(target, from, to, false);
    }

    private static boolean isValidHostAndPort(String s, int from, int to, boolean emptyHostAllowed) {
        int hostEnd;
        if (s.charAt(from) == '[') {
            int close = s.indexOf(']', from);
            if (close < 0 || close >= to || !isIpLiteralBody(s, from + 1, close)) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            hostEnd = from;
            while (hostEnd < to && s.charAt(hostEnd) != ':') {
                hostEnd++;
            }
            if (!isRegName(s, from, hostEnd) || (hostEnd == from && !emptyHostAllowed)) {
                return false;
            }
        }
        if (hostEnd == to) {
            return true;
        }
        // port = *DIGIT (RFC 3986 §3.2.3), after exactly one colon.
        if (s.charAt(hostEnd) != ':') {
            return false;
        }
        for (int i = hostEnd + 1; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // reg-name = *( unreserved / pct-encoded / sub-delims ); IPv4address is a subset of it.
    private static boolean isRegName(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && !isSubDelim(c)) {
                return false;
            }
        }
        return true;
    }

    // IP-literal = "[" ( IPv6address / IPvFuture ) "]"; a character-class check is enough to keep
    // the value safe, the address itself is never used.
    private static boolean isIpLiteralBody(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isUnreserved(c) && !isSubDelim(c) && c != ':') {
                return false;
            }
        }
        return true;
    }

    static boolean isUnreserved(char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    static boolean isSubDelim(char c) {
        return switch (c) {
            case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=' -> true;
            default -> false;
        };
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
