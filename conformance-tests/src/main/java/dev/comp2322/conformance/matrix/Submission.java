package dev.comp2322.conformance.matrix;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a targets file: the submission's name, its target (a URL of a running server, or a command
 * with {@code {port}}/{@code {root}} that starts one), and its document root (required for a command).
 */
public record Submission(String name, String target, Optional<Path> root) {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    /** Validates the parts. */
    public Submission {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the name is empty");
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("the target is empty");
        }
        name = name.trim();
        target = target.trim();
        if (!isUrl(target) && root.isEmpty()) {
            throw new IllegalArgumentException("the command for " + name + " needs a root (the third field)");
        }
    }

    /** True when the target is a running server's URL rather than a command. */
    public boolean isUrl() {
        return isUrl(target);
    }

    /** The name made safe for a file name: {@code Ana María} becomes {@code Ana_Mar_a}. */
    public String fileName() {
        String safe = UNSAFE.matcher(name).replaceAll("_");
        return safe.startsWith(".") ? "_" + safe : safe;
    }

    private static boolean isUrl(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }
}
