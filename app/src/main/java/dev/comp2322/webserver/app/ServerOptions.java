package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.socket.WireSettings;
import dev.comp2322.webserver.domain.rules.Profile;
import dev.comp2322.webserver.domain.rules.ServicePolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the command line decides, validated: where to listen, what to serve, where to log, and
 * the settings handed to the domain ({@link ServicePolicy}) and the wire ({@link WireSettings}).
 *
 * <p>The keep-alive timeout has one owner, the wire's settings: the wire enforces it, and the domain's
 * policy is derived from them so the {@code Keep-Alive: timeout=N} it announces is the same value.
 *
 * @param bind         the address and port to listen on (port 0 = any free port)
 * @param root         the document root, absolute and normalised
 * @param log          the access log file, absolute and normalised
 * @param profile      the status profile
 * @param wireSettings the wire's timeouts, limits and threads
 * @param quiet        true to print no line per request
 */
public record ServerOptions(InetSocketAddress bind, Path root, Path log, Profile profile, WireSettings wireSettings,
        boolean quiet) {

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        log = Objects.requireNonNull(log, "log").toAbsolutePath().normalize();
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(wireSettings, "wireSettings");
    }

    /** The domain's policy: the chosen profile, the default server name, the wire's keep-alive timeout. */
    public ServicePolicy servicePolicy() {
        return new ServicePolicy(profile, ServicePolicy.defaults().serverName(), wireSettings.keepAliveTimeout());
    }
}
