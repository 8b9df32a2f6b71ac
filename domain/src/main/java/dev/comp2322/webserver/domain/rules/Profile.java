package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.RequestError;
import dev.comp2322.webserver.domain.model.Status;
import java.util.Set;

/**
 * The status profile, chosen once at start-up: {@code COURSE} sends only 200, 304, 400 and 404 (the
 * COMP2322 assignment's rule); {@code RFC} sends whatever RFC 9110 names for the situation.
 *
 * <p>This is the one place that maps a refused method, version or framing error to a status.
 */
public enum Profile {
    COURSE,
    RFC;

    /** The methods this server serves (RFC 9110 §9.1: GET and HEAD are the ones every server MUST support). */
    public static final String ALLOWED_METHODS = "GET, HEAD";

    // RFC 9110 §9.3 and RFC 5789 (PATCH): methods we recognise but do not allow on static files.
    private static final Set<String> KNOWN_NOT_ALLOWED =
            Set.of("POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    /** True for the methods answered with the resource itself: GET and HEAD (case-sensitive, RFC 9110 §9.1). */
    public static boolean serves(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    /**
     * The status for a method that is not served. RFC 9110 §15.5.6: a method the server knows but the
     * resource does not allow → 405 with {@code Allow}; §15.6.2: an unrecognised one → 501. Methods
     * are case-sensitive (§9.1), so {@code get} is unrecognised.
     */
    public Status methodNotServed(String method) {
        if (this == COURSE) {
            return Status.BAD_REQUEST;
        }
        return KNOWN_NOT_ALLOWED.contains(method) ? Status.METHOD_NOT_ALLOWED : Status.NOT_IMPLEMENTED;
    }

    /** The status for a request whose major version is not 1 (RFC 9110 §15.6.6: 505). */
    public Status versionNotSupported() {
        return this == COURSE ? Status.BAD_REQUEST : Status.HTTP_VERSION_NOT_SUPPORTED;
    }

    /** The status for a request the wire adapter could not frame. */
    public Status requestError(RequestError.Kind kind) {
        if (this == COURSE) {
            return Status.BAD_REQUEST;
        }
        return switch (kind) {
            case MALFORMED_REQUEST_LINE, MALFORMED_FIELD, BAD_FRAMING -> Status.BAD_REQUEST;
            case REQUEST_LINE_TOO_LONG -> Status.URI_TOO_LONG; // RFC 9112 §3, RFC 9110 §15.5.15
            case HEADER_SECTION_TOO_LARGE -> Status.REQUEST_HEADER_FIELDS_TOO_LARGE; // RFC 6585 §5
            case UNSUPPORTED_TRANSFER_CODING -> Status.NOT_IMPLEMENTED; // RFC 9112 §6.1
            case CONTENT_TOO_LARGE -> Status.CONTENT_TOO_LARGE; // RFC 9110 §15.5.14
            case HEAD_TIMEOUT -> Status.REQUEST_TIMEOUT; // RFC 9110 §15.5.9
        };
    }

    /**
     * Whether {@code /dir} (a directory named without its trailing slash) is redirected to
     * {@code /dir/} with 301 (RFC 9110 §15.4.2), so that relative links in its index resolve; the
     * course profile may not send 301 and serves the index directly.
     */
    public boolean redirectsDirectoryWithoutSlash() {
        return this == RFC;
    }
}
