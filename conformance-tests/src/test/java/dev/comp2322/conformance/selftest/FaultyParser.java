package dev.comp2322.conformance.selftest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The self-test server's request-head parser: strict by default (RFC 9112 §2-§5), lenient where a defect says so. */
final class FaultyParser {
    private static final String TCHAR = "!#$%&'*+-.^_`|~";
    private static final int HEAD_LIMIT = 32 * 1024;

    private final InputStream in;
    private final Set<Defect> defects;
    private final Runnable stall;
    private final int lineLimit;
    private int headBytes;

    FaultyParser(InputStream in, Set<Defect> defects, Runnable stall) {
        this.in = in;
        this.defects = defects;
        this.stall = stall;
        this.lineLimit = defects.contains(Defect.SMALL_LIMITS) ? 1024 : 16 * 1024;
    }

    /** The next request head, or empty at a clean end of stream. */
    Optional<ParsedRequest> next() throws IOException, ProtocolError {
        headBytes = 0;
        String line = readLine(true);
        if (line == null) {
            return Optional.empty();
        }
        while (line.isEmpty()) {
            if (defects.contains(Defect.STRICT_LEADING_CRLF)) {
                throw new ProtocolError(400, "empty line before the request line");
            }
            line = readLine(true);   // RFC 9112 §2.2: ignore at least one empty line before the request-line
            if (line == null) {
                return Optional.empty();
            }
        }
        String[] parts = requestLine(line);
        List<String[]> fields = fields();
        ParsedRequest request = new ParsedRequest(parts[0], parts[1], parts[2], fields,
                defects.contains(Defect.CASE_SENSITIVE_FIELDS));
        if (!lenient()) {
            checkHost(request);
        }
        return Optional.of(request);
    }

    private boolean lenient() {
        return defects.contains(Defect.LENIENT);
    }

    private String[] requestLine(String line) throws ProtocolError {
        if (lenient()) {
            String[] words = line.trim().split("\\s+");
            String version = words.length > 2 ? words[2] : "HTTP/1.0";
            return new String[] {words[0].toUpperCase(), words.length > 1 ? words[1] : "/", version.toUpperCase()};
        }
        String[] parts = line.split(" ", -1);
        if (parts.length > 3 && defects.contains(Defect.EXTRA_TOKENS_IGNORED)) {
            parts = java.util.Arrays.copyOf(parts, 3);
        }
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new ProtocolError(400, "malformed request line");
        }
        if (!isToken(parts[0])) {
            throw new ProtocolError(400, "method is not a token");
        }
        String v = parts[2];
        if (v.length() != 8 || !v.startsWith("HTTP/") || !Character.isDigit(v.charAt(5)) || v.charAt(6) != '.'
                || !Character.isDigit(v.charAt(7))) {
            throw new ProtocolError(400, "malformed version");
        }
        if (v.charAt(5) != '1' || (defects.contains(Defect.ONLY_HTTP11) && !v.equals("HTTP/1.1"))) {
            throw new ProtocolError(505, "version not supported");
        }
        for (char c : parts[1].toCharArray()) {
            if (c <= 0x20 || c >= 0x7f || c == '#' || (c == '\\' && !defects.contains(Defect.SERVES_TRAVERSAL))) {
                throw new ProtocolError(400, "bad character in target");
            }
        }
        return parts;
    }

    private List<String[]> fields() throws IOException, ProtocolError {
        List<String[]> fields = new ArrayList<>();
        while (true) {
            String line = readLine(false);
            if (line == null) {
                throw new ProtocolError(400, "end of stream in the head", true);
            }
            if (line.isEmpty()) {
                return fields;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (defects.contains(Defect.DROPS_ODD_LINES)) {
                    throw new ProtocolError(400, "folded line", true);
                }
                if (!lenient()) {
                    throw new ProtocolError(400, fields.isEmpty() ? "whitespace before the first field" : "obs-fold");
                }
                line = line.trim();
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                if (defects.contains(Defect.DROPS_ODD_LINES)) {
                    throw new ProtocolError(400, "no colon", true);
                }
                if (lenient()) {
                    continue;
                }
                throw new ProtocolError(400, "field line without a colon");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (!lenient() && (!isToken(name) || value.indexOf('\0') >= 0 || value.indexOf('\r') >= 0)) {
                throw new ProtocolError(400, "invalid field " + name);   // RFC 9112 §5.1: no whitespace before the colon
            }
            fields.add(new String[] {name.trim(), value});
        }
    }

    private static void checkHost(ParsedRequest r) throws ProtocolError {
        List<String> hosts = r.all("Host");
        if (hosts.size() > 1 || (hosts.isEmpty() && !r.http10())) {
            throw new ProtocolError(400, "Host missing or repeated");   // RFC 9112 §3.2
        }
        for (String h : hosts) {
            for (char c : h.toCharArray()) {
                if (!Character.isLetterOrDigit(c) && "-._~!$&'()*+,;=:[]%".indexOf(c) < 0) {
                    throw new ProtocolError(400, "invalid Host");
                }
            }
        }
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (char c : s.toCharArray()) {
            if (!(c < 0x7f && (Character.isLetterOrDigit(c) || TCHAR.indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }

    /** One line without its CRLF (bare LF accepted); null at end of stream before the first byte. */
    String readLine(boolean requestLine) throws IOException, ProtocolError {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new ProtocolError(400, "end of stream inside a line", true);
            }
            if (++headBytes > HEAD_LIMIT || line.size() > lineLimit) {
                limitReached(requestLine);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                for (int i = 0; i < end; i++) {
                    if (bytes[i] == '\r') {
                        throw new ProtocolError(400, "bare CR");   // RFC 9112 §2.2
                    }
                }
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    private void limitReached(boolean requestLine) throws ProtocolError {
        if (defects.contains(Defect.STALLS_ON_LIMIT)) {
            stall.run();
        }
        if (lenient()) {
            return;
        }
        throw new ProtocolError(requestLine ? 414 : 431, "too long");
    }
}
