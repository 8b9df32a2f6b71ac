package dev.comp2322.conformance.selftest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Request-target to file path, done right (strict) and done the three wrong ways the defects need. */
final class PathMapping {
    private PathMapping() {
    }

    /** Absolute-form accepted, query dropped, percent-decoded once, NUL refused, dot segments removed. */
    static Optional<String> strict(String target) {
        String path = withoutAuthority(target);
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        Optional<String> decoded = decode(withoutQuery(path));
        if (decoded.isEmpty() || decoded.get().indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return Optional.of(removeDotSegments(decoded.get()));
    }

    /** {@link #strict} without the NUL refusal: the NUL reaches the file system (and crashes it). */
    static Optional<String> decodedKeepingNul(String target) {
        String path = withoutAuthority(target);
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        return decode(withoutQuery(path)).map(PathMapping::removeDotSegments);
    }

    /** No decoding, query kept, dot segments and absolute-form refused: a server that maps bytes to names. */
    static Optional<String> raw(String target) {
        if (!target.startsWith("/") || target.contains("/../") || target.endsWith("/..")) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** Starts with '/' (after an absolute-form authority) and every '%' is followed by two hex digits. */
    static boolean wellFormed(String target) {
        String path = withoutAuthority(target);
        return path.startsWith("/") && decode(withoutQuery(path)).isPresent();
    }

    /** Decodes twice, turns backslashes into slashes, truncates at NUL and never normalises: every traversal bug. */
    static String naive(String target) {
        String path = withoutQuery(withoutAuthority(target));
        String once = decode(path).orElse(path);
        path = (once.contains("%") ? decode(once).orElse(once) : once).replace('\\', '/');
        int nul = path.indexOf('\0');
        return nul >= 0 ? path.substring(0, nul) : path;
    }

    /** Accepts anything: fragment dropped, slash added, "*" taken as "/", bad escapes kept literally. */
    static String lenient(String target) {
        String t = target.equals("*") ? "/" : target;
        int hash = t.indexOf('#');
        t = withoutQuery(withoutAuthority(hash < 0 ? t : t.substring(0, hash)));
        t = t.startsWith("/") ? t : "/" + t;
        return removeDotSegments(decode(t).orElse(t));
    }

    private static String withoutAuthority(String target) {
        if (target.startsWith("http://")) {
            int slash = target.indexOf('/', 7);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    static Optional<String> decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    /** RFC 3986 §5.2.4, simplified for absolute paths: ".." never climbs above "/". */
    static String removeDotSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..")) {
                kept.pollLast();
            } else if (!s.equals(".")) {
                kept.addLast(s);
            }
        }
        String last = segments[segments.length - 1];
        if ((last.equals(".") || last.equals("..")) && !kept.isEmpty()) {
            kept.addLast("");
        }
        return "/" + String.join("/", kept);
    }
}
