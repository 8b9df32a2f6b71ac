package dev.comp2322.conformance.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a response head tolerantly, as curl and browsers do, while recording every deviation from
 * RFC 9112 §2.2, §4 and §5 as an {@link Observation}. Only a line that is not a status line at all
 * stops it (the caller reports that as garbled).
 */
final class HeadParser {
    private final List<Observation> observations = new ArrayList<>();

    /** The status code, or -1 if the line carries none; notes grammar deviations on the way. */
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
            note(Observation.Kind.STATUS_LINE, "malformed HTTP-version \"" + version + "\" (RFC 9112 §2.3)");
        }
        if (statusLine.length() == firstSpace + 4) {
            note(Observation.Kind.STATUS_LINE,
                    "no SP after the status code (RFC 9112 §4: the space MUST be sent even without a reason phrase)");
        } else if (statusLine.charAt(firstSpace + 4) != ' ') {
            note(Observation.Kind.STATUS_LINE, "status code not followed by SP (RFC 9112 §4)");
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
            note(Observation.Kind.FIELD_LINE, "field line without a name and colon: " + abbreviate(line)
                    + " (RFC 9112 §5)");
            return Optional.empty();
        }
        String name = line.substring(0, colon);
        if (name.endsWith(" ") || name.endsWith("\t")) {
            note(Observation.Kind.FIELD_LINE, "whitespace before the colon in " + abbreviate(name)
                    + " (RFC 9112 §5.1: MUST NOT)");
        }
        return Optional.of(new Field(name.trim(), line.substring(colon + 1).trim()));
    }

    /** Records a deviation once (the same text twice in one head is one deviation). */
    void note(Observation.Kind kind, String detail) {
        Observation o = new Observation(kind, detail);
        if (!observations.contains(o)) {
            observations.add(o);
        }
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }

    private static String abbreviate(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
