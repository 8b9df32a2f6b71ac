package dev.comp2322.conformance.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to start a submission's server: the command (run by {@code sh -c}, with {@code {port}} and
 * {@code {root}} replaced), the document root the fixture goes into, the port (0 = pick a free one), the
 * working directory, how long to wait for the port, and whether files that are not the fixture's own may
 * be overwritten.
 */
public record ExecSpec(String command, Path root, int port, Optional<Path> workdir, Duration startupTimeout,
                       boolean force) {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** Validates the parts. */
    public ExecSpec {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("--exec needs a command");
        }
        if (root == null) {
            throw new IllegalArgumentException("--exec needs --root DIR (the server's document root, where the fixture goes)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0 (any free port) or 1-65535, got " + port);
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("--startup-timeout must be positive");
        }
        root = root.toAbsolutePath().normalize();
    }

    /** The command with the placeholders filled in; the root is shell-quoted when it needs to be. */
    public String commandFor(int actualPort) {
        return command.replace("{port}", Integer.toString(actualPort)).replace("{root}", shellWord(root.toString()));
    }

    static String shellWord(String s) {
        return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
