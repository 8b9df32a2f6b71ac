package dev.comp2322.conformance.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses a response head leniently while noting every deviation from RFC 9112 §4 and §5. */
final class HeadParser {
    private final List<String> problems = new ArrayList<>();

    /** The status code, or -1 if the line carries none; notes grammar problems on the way. */
    int status(String statusLine) {
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]  (RFC 9112 §4)
        int firstSpace = statusLine.indexOf(' ');
        if (firstSpace < 0 || statusLine.length() < firstSpace + 4) {
            return -1;
        }
        String version = statusLine.substring(0, firstSpace);
        String code = statusLine.substring(firstSpace + 1, firstSpace + 4);
        for (int i = 0; i < 3; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return -1;
            }
        }
        if (!isVersion(version)) {
            note("malformed HTTP-version " + version);
        }
        if (statusLine.length() == firstSpace + 4) {
            note("no SP after the status code (RFC 9112 §4: the space MUST be sent even without a reason phrase)");
        } else if (statusLine.charAt(firstSpace + 4) != ' ') {
            note("status code not followed by SP");
        }
        return Integer.parseInt(code);
    }

    private static boolean isVersion(String v) {
        return v.length() == 8 && v.startsWith("HTTP/") && Character.isDigit(v.charAt(5))
                && v.charAt(6) == '.' && Character.isDigit(v.charAt(7));
    }

    /** One field line; a line without a colon is noted and skipped. */
    Optional<Field> field(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            note("field line without a name and colon: " + abbreviate(line));
            return Optional.empty();
        }
        String name = line.substring(0, colon);
        if (name.endsWith(" ") || name.endsWith("\t")) {
            note("whitespace before the colon in " + abbreviate(name));
        }
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            note("obsolete line folding in the response head");
        }
        return Optional.of(new Field(name.trim(), line.substring(colon + 1).trim()));
    }

    void note(String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    Optional<String> problem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static String abbreviate(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
