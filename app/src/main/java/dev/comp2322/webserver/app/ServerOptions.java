package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.socket.WireSettings;
import dev.comp2322.webserver.domain.rules.Profile;
import dev.comp2322.webserver.domain.rules.ServicePolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the command line decides, validated: where to listen, what to serve, where to log, and
 * the settings handed to the domain ({@link ServicePolicy}) and the wire ({@link WireSettings}).
 *
 * @param bind             the address and port to listen on (port 0 = any free port)
 * @param root             the document root, absolute and normalised
 * @param log              the access log file, absolute and normalised
 * @param profile          the status profile
 * @param keepAliveTimeout how long an idle persistent connection is kept
 * @param headerTimeout    how long a client may take to send a request head
 * @param maxConnections   the most connections served at once
 * @param quiet            true to print no line per request
 */
public record ServerOptions(
        InetSocketAddress bind,
        Path root,
        Path log,
        Profile profile,
        Duration keepAliveTimeout,
        Duration headerTimeout,
        int maxConnections,
        boolean quiet) {

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        log = Objects.requireNonNull(log, "log").toAbsolutePath().normalize();
        Objects.requireNonNull(profile, "profile");
        requirePositive(Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout"), "keepAliveTimeout");
        requirePositive(Objects.requireNonNull(headerTimeout, "headerTimeout"), "headerTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
    }

    /** The domain's policy: the chosen profile and keep-alive timeout, the default server name. */
    public ServicePolicy servicePolicy() {
        return new ServicePolicy(profile, ServicePolicy.defaults().serverName(), keepAliveTimeout);
    }

    /** The wire's settings: the defaults, with the timeouts and connection limit from the command line. */
    public WireSettings wireSettings() {
        return WireSettings.defaults()
                .withKeepAliveTimeout(keepAliveTimeout)
                .withHeaderTimeout(headerTimeout)
                .withMaxConnections(maxConnections);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
