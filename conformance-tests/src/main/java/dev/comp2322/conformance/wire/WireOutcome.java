package dev.comp2322.conformance.wire;

/** What came back for one request: a response, nothing at all, or bytes that are not an HTTP response. */
public sealed interface WireOutcome {

    /** A response whose status line could be read. */
    record Received(WireResponse response) implements WireOutcome {
    }

    /** The server closed the connection or stayed silent before sending a status line. */
    record Silent(Why why, int partialBytes, String partial) implements WireOutcome {
        /** The kind of silence. */
        public enum Why {
            /** The connection was closed (FIN or reset) before a complete status line. */
            CLOSED,
            /** Nothing complete arrived within the kit's timeout. */
            TIMEOUT
        }
    }

    /** Bytes arrived but they do not start with an HTTP status line. */
    record Garbled(String problem, String partial) implements WireOutcome {
    }

    /** A one-line description for failure messages. */
    default String describe() {
        if (this instanceof Received r) {
            return r.response().statusLine();
        }
        if (this instanceof Silent s) {
            return s.why() == Silent.Why.TIMEOUT
                    ? "no response within the timeout"
                    + (s.partialBytes() > 0 ? " (" + s.partialBytes() + " bytes of an incomplete head)" : "")
                    : "connection closed without a response"
                    + (s.partialBytes() > 0 ? " (after " + s.partialBytes() + " bytes of an incomplete head)" : "");
        }
        return "not an HTTP response: " + ((Garbled) this).problem();
    }
}
