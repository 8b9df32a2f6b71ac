package dev.comp2322.webserver.domain.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The start-up choices that shape every response.
 *
 * @param profile          which statuses may be sent
 * @param serverName       the {@code Server} field value (RFC 9110 §10.2.4)
 * @param keepAliveTimeout how long an idle persistent connection stays open; announced to
 *                         HTTP/1.0 keep-alive clients as {@code Keep-Alive: timeout=N}
 */
public record ServicePolicy(Profile profile, String serverName, Duration keepAliveTimeout) {

    public ServicePolicy {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
        if (serverName.isBlank() || !isVisibleAscii(serverName)) {
            throw new IllegalArgumentException("serverName must be non-blank printable ASCII: it goes into a header field");
        }
        if (keepAliveTimeout.isNegative() || keepAliveTimeout.isZero()) {
            throw new IllegalArgumentException("keepAliveTimeout must be positive");
        }
    }

    /** The course profile, server name {@code comp2322-webserver/1.0}, a 15 s keep-alive timeout. */
    public static ServicePolicy defaults() {
        return new ServicePolicy(Profile.COURSE, "comp2322-webserver/1.0", Duration.ofSeconds(15));
    }

    private static boolean isVisibleAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
