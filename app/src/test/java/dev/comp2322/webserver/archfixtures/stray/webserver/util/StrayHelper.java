package dev.comp2322.webserver.archfixtures.stray.webserver.util;

/** Violation: a server class in a package that belongs to no layer. */
public final class StrayHelper {
    public static int twice(int value) {
        return 2 * value;
    }
}
