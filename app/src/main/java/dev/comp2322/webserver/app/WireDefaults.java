package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.socket.WireSettings;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives picocli the wire options' defaults from {@link WireSettings#defaults()}, their one definition,
 * so {@code --help} and an omitted flag can't disagree with the wire.
 */
final class WireDefaults implements IDefaultValueProvider {

    private static final WireSettings DEFAULTS = WireSettings.defaults();
    private static final Map<String, String> BY_OPTION = Map.of(
            "--keep-alive-timeout", text(DEFAULTS.keepAliveTimeout()),
            "--header-timeout", text(DEFAULTS.headerTimeout()),
            "--max-connections", Integer.toString(DEFAULTS.maxConnections()),
            "--io-threads", Integer.toString(DEFAULTS.ioThreads()));

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option ? BY_OPTION.get(option.longestName()) : null;
    }

    /** A duration as {@link DurationConverter} reads it back: whole seconds, else milliseconds. */
    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
