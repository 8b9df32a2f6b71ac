package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.port.out.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Entity tags (RFC 9110 §8.8.3) and the evaluation of {@code If-None-Match} and
 * {@code If-Modified-Since} in the order RFC 9110 §13.2.2 prescribes, as one function of the request's
 * fields and the file's validators.
 */
final class ConditionalRequest {

    private ConditionalRequest() {}

    /**
     * A strong entity tag from size and modification time, {@code "<hex size>-<hex mtime millis>"}:
     * both change whenever a static file's content is replaced, as RFC 9110 §8.8.3 requires of a
     * strong validator in practice (nginx uses the same pair, in seconds).
     */
    static String entityTag(Resource.File file) {
        return LAST_TAG.apply(file);
    }

    /** The last file's tag: a hot file is the same {@code Resource.File} on every request. */
    private static final LastResult<Resource.File, String> LAST_TAG = new LastResult<>(ConditionalRequest::tagOf);

    private static String tagOf(Resource.File file) {
        Instant modified = file.lastModified();
        // Millis computed without toEpochMilli(), which throws for instants far from the epoch.
        long millis = modified.getEpochSecond() * 1000 + modified.getNano() / 1_000_000;
        return '"' + Long.toHexString(file.size()) + '-' + Long.toHexString(millis) + '"';
    }

    /**
     * True when the answer is 304 Not Modified.
     *
     * @param method       the request method; If-Modified-Since applies to GET and HEAD only (§13.1.3)
     * @param entityTag    the representation's tag, quotes included
     * @param lastModified the Last-Modified value sent, already truncated to the second
     * @param now          the server's clock, to place an RFC 850 two-digit year
     */
    static boolean notModified(String method, HeaderFields headers, String entityTag, Instant lastModified, Instant now) {
        boolean sawIfNoneMatch = false;
        List<HeaderField> fields = headers.fields();
        for (int i = 0; i < fields.size(); i++) { // by index: no iterator allocated per request
            HeaderField field = fields.get(i);
            if (field.hasName("If-None-Match")) {
                sawIfNoneMatch = true;
                // §13.1.2: the condition is false when a listed tag matches, and then a GET/HEAD gets 304.
                if (matchesAny(field.value(), entityTag)) {
                    return true;
                }
            }
        }
        if (sawIfNoneMatch || !Profile.serves(method)) {
            return false; // §13.1.3: IMS MUST be ignored when If-None-Match is present or for other methods
        }
        return ifModifiedSinceIsFalse(headers, lastModified, now);
    }

    /**
     * §13.1.3: ignore the field when it is not a valid HTTP-date or has more than one member (several
     * field lines, or a list that no strict date parser accepts); otherwise the condition is false —
     * 304 — when the last modification is not later than the date.
     */
    private static boolean ifModifiedSinceIsFalse(HeaderFields headers, Instant lastModified, Instant now) {
        if (headers.count("If-Modified-Since") != 1) {
            return false;
        }
        Optional<Instant> since = HttpDates.parse(headers.first("If-Modified-Since").orElse(""), now);
        return since.isPresent() && !lastModified.isAfter(since.get());
    }

    /**
     * §13.1.2: {@code *} matches any current representation; otherwise the weak comparison of §8.8.3.2
     * (opaque tags equal, {@code W/} ignored) against each listed tag. A malformed list stops the
     * scan and counts as no match, so the client simply gets the full response.
     */
    static boolean matchesAny(String value, String entityTag) {
        if (value.equals("*")) {
            return true;
        }
        int i = 0;
        int n = value.length();
        while (true) {
            i = skipSeparators(value, i);
            if (i >= n) {
                return false;
            }
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || value.charAt(i) != '"') {
                return false;
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                return false;
            }
            int length = close + 1 - i;
            if (length == entityTag.length() && value.regionMatches(i, entityTag, 0, length)) {
                return true;
            }
            i = close + 1;
            int next = skipWhitespace(value, i);
            if (next < n && value.charAt(next) != ',') {
                return false;
            }
            i = next;
        }
    }

    private static int skipSeparators(String value, int i) {
        while (i < value.length() && (value.charAt(i) == ',' || value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(String value, int i) {
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
