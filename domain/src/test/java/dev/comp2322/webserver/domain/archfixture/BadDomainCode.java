package dev.comp2322.webserver.domain.archfixture;

import java.io.File;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deliberately impure "domain" code, the bad class set for {@code DomainPurityTest}: each member
 * breaks one purity rule, so the tests can show every rule really fails. Never used in production.
 */
public final class BadDomainCode {

    private BadDomainCode() {}

    /** Breaks "no java.io": touches the file system. */
    public static boolean exists(String name) {
        return new File(name).exists();
    }

    /** Breaks "never reads the system clock". */
    public static Instant stamp() {
        return Instant.now();
    }

    /** Breaks "never reads the system clock" through System. */
    public static long millis() {
        return System.currentTimeMillis();
    }

    /** Breaks "no java.util.concurrent". */
    public static ConcurrentHashMap<String, String> cache() {
        return new ConcurrentHashMap<>();
    }

    /** Breaks "no library outside java.*". */
    public static String describe(Object value) {
        return org.assertj.core.util.Strings.quote(String.valueOf(value));
    }

    /** Breaks "no console or logging". */
    public static void shout(String text) {
        System.out.println(text);
    }
}
