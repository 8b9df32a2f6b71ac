package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.ResourcePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a raw request-target into a {@link ResourcePath}: form check (RFC 9112 §3.2), query split,
 * percent-decoding (RFC 3986 §2.1, UTF-8), refusal of dangerous characters, dot-segment removal.
 */
final class TargetDecoder {

    /** The last target decoded: a client fetching one page again and again sends the same target. */
    private static final LastResult<String, DecodedTarget> LAST = new LastResult<>(TargetDecoder::decodeOnce);

    private TargetDecoder() {}

    /** Decodes {@code target}, exactly as it appeared in the request line. */
    static DecodedTarget decode(String target) {
        return LAST.apply(target);
    }

    private static DecodedTarget decodeOnce(String target) {
        Optional<DecodedTarget.Invalid> badCharacter = checkCharacters(target);
        if (badCharacter.isPresent()) {
            return badCharacter.get();
        }
        int pathStart = 0;
        if (target.charAt(0) != '/') {
            // RFC 9112 §3.2.2: absolute-form MUST be accepted; "*" (asterisk-form, only for OPTIONS)
            // and host:port (authority-form, only for CONNECT) name nothing a file server has.
            int authorityStart = schemeLength(target);
            if (authorityStart < 0) {
                return new DecodedTarget.Invalid("neither origin-form nor http(s) absolute-form");
            }
            int authorityEnd = authorityStart;
            while (authorityEnd < target.length() && target.charAt(authorityEnd) != '/'
                    && target.charAt(authorityEnd) != '?') {
                authorityEnd++;
            }
            // The authority is checked, not kept: one document root serves every host name.
            if (!HostSyntax.isValidTargetAuthority(target, authorityStart, authorityEnd)) {
                return new DecodedTarget.Invalid("invalid authority in absolute-form");
            }
            pathStart = authorityEnd;
        }
        int question = target.indexOf('?', pathStart);
        int pathEnd = question < 0 ? target.length() : question;
        String query = question < 0 ? "" : target.substring(question + 1);
        if (pathStart == pathEnd) {
            // RFC 9110 §4.2.3: an absolute http URI with an empty path means "/".
            return new DecodedTarget.Valid(ResourcePath.ROOT, query);
        }
        return decodePath(target, pathStart, pathEnd, query);
    }

    /**
     * RFC 9112 §3.2: no whitespace; RFC 3986 §2: a URI is ASCII with no controls; the backslash is
     * no URI character and a path separator on Windows; a fragment (RFC 3986 §3.5) is never sent
     * by a correct client (RFC 9110 §7.1), so its presence means a broken or hostile one.
     */
    private static Optional<DecodedTarget.Invalid> checkCharacters(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of(new DecodedTarget.Invalid("whitespace, control or non-ASCII character"));
            }
            if (c == '\\') {
                return Optional.of(new DecodedTarget.Invalid("backslash"));
            }
            if (c == '#') {
                return Optional.of(new DecodedTarget.Invalid("fragment"));
            }
        }
        return Optional.empty();
    }

    /** The length of {@code http://} or {@code https://} (scheme case-insensitive, RFC 3986 §3.1), else -1. */
    private static int schemeLength(String target) {
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        if (target.regionMatches(true, 0, "https://", 0, 8)) {
            return 8;
        }
        return -1;
    }

    private static DecodedTarget decodePath(String target, int pathStart, int pathEnd, String query) {
        List<String> segments = new ArrayList<>(8);
        int from = pathStart + 1; // skip the leading "/"
        while (true) {
            int slash = target.indexOf('/', from);
            int to = slash < 0 || slash > pathEnd ? pathEnd : slash;
            int percent = target.indexOf('%', from);
            if (percent < 0 || percent >= to) {
                segments.add(target.substring(from, to)); // already checked: printable ASCII, no '\'
            } else {
                Optional<String> segment = decodeEscapedSegment(target, from, to);
                if (segment.isEmpty()) {
                    return new DecodedTarget.Invalid("malformed percent-encoding, encoded separator or control");
                }
                segments.add(segment.get());
            }
            if (to == pathEnd) {
                break;
            }
            from = to + 1;
        }
        Optional<ResourcePath> path = DotSegments.normalise(segments);
        if (path.isEmpty()) {
            return new DecodedTarget.Invalid("path climbs above the root");
        }
        return new DecodedTarget.Valid(path.get(), query);
    }

    /**
     * One decoded segment. Refused: an encoded {@code /} or {@code \} ({@code %2F}, {@code %5C}) that
     * would change the path's structure after decoding, and any control character such as an
     * encoded NUL, which could truncate a file name in lower layers.
     */
    private static Optional<String> decodeEscapedSegment(String target, int from, int to) {
        Optional<String> decoded = PercentDecoder.decode(target, from, to);
        if (decoded.isEmpty()) {
            return decoded;
        }
        String text = decoded.get();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        return decoded;
    }
}
