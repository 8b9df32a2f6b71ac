package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.Status;
import java.util.Optional;

/** The checks a request passes before its target is looked at: version, {@code Host}, method. */
final class RequestChecks {

    private RequestChecks() {}

    /** The status that refuses {@code request} outright, or empty when it may be served. */
    static Optional<Status> refusal(Request request, Profile profile) {
        // RFC 9110 §6.2: a 1.x version above 1.1 is answered as 1.1 (HttpVersion.atLeastHttp11);
        // another major version is a different protocol (§15.6.6: 505).
        if (request.version().major() != 1) {
            return Optional.of(profile.versionNotSupported());
        }
        if (!hasAcceptableHost(request)) {
            return Optional.of(Status.BAD_REQUEST);
        }
        if (!Profile.serves(request.method())) {
            return Optional.of(profile.methodNotServed(request.method()));
        }
        return Optional.empty();
    }

    /**
     * RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without {@code Host}, and to any
     * request with more than one {@code Host} line or an invalid one. HTTP/1.0 may omit it.
     * An absolute-form target's authority overrides Host (§3.2.2) but Host must still be valid.
     */
    static boolean hasAcceptableHost(Request request) {
        HeaderFields headers = request.headers();
        return switch (headers.count("Host")) {
            case 0 -> !request.version().atLeastHttp11();
            case 1 -> HostSyntax.isValidHostField(headers.first("Host").orElseThrow());
            default -> false;
        };
    }
}
