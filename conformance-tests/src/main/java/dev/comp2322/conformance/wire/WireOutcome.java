package dev.comp2322.conformance.wire;

import java.time.Duration;
import java.util.Locale;

/** What came back for one request: a response, no complete response head, or bytes that are not an HTTP response. */
public sealed interface WireOutcome {

    /** A response whose status line and head could be read (its body may still be incomplete: see its framing). */
    record Received(WireResponse response) implements WireOutcome {
    }

    /**
     * No complete response head: the server closed the connection or the wait ran out. {@code partialBytes}
     * says how much arrived (0: nothing at all), {@code partial} shows it, {@code waited} is how long the kit
     * waited and {@code waitNote} why that wait was shorter than the timeout, if it was.
     */
    record Silent(Why why, int partialBytes, String partial, Duration waited, String waitNote) implements WireOutcome {
        /** A silence whose wait is not known (kept for callers that build one by hand). */
        public Silent(Why why, int partialBytes, String partial) {
            this(why, partialBytes, partial, Duration.ZERO, "");
        }

        /** The kind of silence. */
        public enum Why {
            /** The connection was closed (FIN or reset) before a complete head. */
            CLOSED,
            /** No complete head arrived within the wait. */
            TIMEOUT
        }

        /** True if not a single byte arrived. */
        public boolean nothing() {
            return partialBytes == 0;
        }
    }

    /** Bytes arrived but they do not start with an HTTP status line. */
    record Garbled(String problem, String partial) implements WireOutcome {
    }

    /**
     * A one-line description for failure reasons. "No response in N s" is said only when not a single byte
     * arrived; otherwise it says what arrived and why it is not a complete response (issue 9 §4).
     */
    default String describe() {
        if (this instanceof Received r) {
            return r.response().describe();
        }
        if (this instanceof Silent s) {
            String note = s.waitNote().isEmpty() ? "" : " (" + s.waitNote() + ")";
            String in = s.waited().isZero() ? "within the timeout" : "in " + seconds(s.waited());
            if (s.why() == Silent.Why.TIMEOUT) {
                return s.nothing() ? "no response " + in + note
                        : "only " + s.partialBytes() + " bytes arrived " + in + ", not a complete response head"
                        + " (no empty line ended the fields): " + excerpt(s.partial()) + note;
            }
            return s.nothing() ? "the connection was closed without a response"
                    : "the connection was closed after " + s.partialBytes() + " bytes of an incomplete response head: "
                    + excerpt(s.partial());
        }
        return "not an HTTP response: " + ((Garbled) this).problem();
    }

    /** "5 s" or "1.5 s". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String excerpt(String printable) {
        String oneLine = printable.replace("\n", "");
        return "\"" + (oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine) + "\"";
    }
}
