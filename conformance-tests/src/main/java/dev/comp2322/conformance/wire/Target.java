package dev.comp2322.conformance.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The server under test: where to connect, what to send as Host, and the path prefix under which
 * the kit's fixture is served ({@code ""} when the fixture is the document root).
 */
public record Target(String host, int port, String prefix) {

    /** Validates the parts; the prefix is empty or starts with '/' and has no trailing '/'. */
    public Target {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("target host is missing");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("target port " + port + " is out of range");
        }
        if (prefix == null || (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/")))) {
            throw new IllegalArgumentException("prefix must be empty or like /sub (no trailing slash): " + prefix);
        }
    }

    /** Parses {@code http://host:port} (a path in the URI is not allowed: use the prefix for that). */
    public static Target parse(String uri, String prefix) {
        URI parsed;
        try {
            parsed = URI.create(uri.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + uri);
        }
        if (!"http".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
            throw new IllegalArgumentException("target must look like http://host:port, got " + uri);
        }
        if (parsed.getRawPath() != null && !parsed.getRawPath().isEmpty() && !parsed.getRawPath().equals("/")) {
            throw new IllegalArgumentException("put the path in --prefix, not in the target URI: " + uri);
        }
        return new Target(parsed.getHost(), parsed.getPort() < 0 ? 80 : parsed.getPort(), normalisePrefix(prefix));
    }

    /** Turns "sub/", "/sub", "/" or "" into the canonical form ("/sub" or ""). */
    public static String normalisePrefix(String prefix) {
        String p = prefix == null ? "" : prefix.trim();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        return p;
    }

    /** The Host field value: host[:port] (RFC 9110 §7.2). */
    public String authority() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == 80 ? h : h + ":" + port;
    }

    /** The request-target for a fixture file: prefix + "/" + the name, percent-encoded as UTF-8. */
    public String path(String fixtureName) {
        return prefix + "/" + encodePath(fixtureName);
    }

    /** {@code http://host:port} for REST Assured and reports. */
    public String baseUri() {
        return "http://" + authority();
    }

    /** Percent-encodes everything outside unreserved characters and '/' (RFC 3986 §2.1). */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
