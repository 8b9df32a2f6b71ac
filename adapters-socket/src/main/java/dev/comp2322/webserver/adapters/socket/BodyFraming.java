package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.domain.model.RequestError.Kind.BAD_FRAMING;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.CONTENT_TOO_LARGE;
import static dev.comp2322.webserver.domain.model.RequestError.Kind.UNSUPPORTED_TRANSFER_CODING;

import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.model.HttpVersion;
import java.util.List;

/** How a request's body is delimited (RFC 9112 §6.3), decided from its head alone. */
sealed interface BodyFraming {

    /** No body: neither Content-Length nor Transfer-Encoding (RFC 9112 §6.3, rule 7). */
    record None() implements BodyFraming {}

    /** Exactly {@code length} bytes follow the head. */
    record Length(long length) implements BodyFraming {}

    /** A chunked body follows, ending with a zero-size chunk and trailers. */
    record Chunked() implements BodyFraming {}

    BodyFraming NONE = new None();
    BodyFraming CHUNKED = new Chunked();

    /** The framing of a request with this version and these fields, or the reason it has none we trust. */
    static BodyFraming of(HttpVersion version, HeaderFields headers, long maxBodyBytes) throws WireException {
        List<String> transferCodings = headers.values("Transfer-Encoding");
        int lengthLines = headers.count("Content-Length");
        if (!transferCodings.isEmpty()) {
            // RFC 9112 §6.1: an HTTP/1.0 message with Transfer-Encoding MUST be treated as faulty framing.
            if (!version.atLeastHttp11()) {
                throw new WireException(BAD_FRAMING, "Transfer-Encoding in an HTTP/1.0 request");
            }
            // RFC 9112 §6.3 rule 3 / §11.2: CL with TE is a smuggling vector; reject rather than pick one.
            if (lengthLines > 0) {
                throw new WireException(BAD_FRAMING, "both Content-Length and Transfer-Encoding");
            }
            return chunked(transferCodings);
        }
        if (lengthLines == 0) {
            return NONE;
        }
        // RFC 9110 §8.6 lets a recipient merge identical duplicates; we reject every duplicate line,
        // equal or not, because an intermediary may have merged them differently (smuggling, RFC 9112 §11.2).
        if (lengthLines > 1) {
            throw new WireException(BAD_FRAMING, "several Content-Length field lines");
        }
        long length = parseLength(headers.first("Content-Length").orElseThrow());
        if (length > maxBodyBytes) {
            throw new WireException(CONTENT_TOO_LARGE, "request body larger than " + maxBodyBytes + " bytes");
        }
        return length == 0 ? NONE : new Length(length);
    }

    private static BodyFraming chunked(List<String> lines) throws WireException {
        int members = 0;
        boolean chunkedSeen = false;
        boolean chunkedLast = false;
        boolean unknownSeen = false;
        for (String line : lines) {
            for (String member : line.split(",", -1)) {
                String coding = member.strip();
                if (coding.isEmpty()) {
                    throw new WireException(BAD_FRAMING, "empty member in Transfer-Encoding");
                }
                members++;
                boolean isChunked = coding.equalsIgnoreCase("chunked");
                // RFC 9112 §6.1: a sender MUST NOT apply chunked more than once.
                if (isChunked && chunkedSeen) {
                    throw new WireException(BAD_FRAMING, "chunked applied more than once");
                }
                chunkedSeen |= isChunked;
                chunkedLast = isChunked;
                unknownSeen |= !isChunked;
            }
        }
        // RFC 9112 §6.3 rule 4: chunked present but not final → the length can't be determined: 400 and close.
        if (chunkedSeen && !chunkedLast) {
            throw new WireException(BAD_FRAMING, "chunked is not the final transfer coding");
        }
        // RFC 9112 §6.1: a transfer coding the server doesn't understand SHOULD get 501.
        if (unknownSeen || members == 0) {
            throw new WireException(UNSUPPORTED_TRANSFER_CODING, "transfer coding other than chunked");
        }
        return CHUNKED;
    }

    /** RFC 9110 §8.6: Content-Length = 1*DIGIT; no sign, no hex, no list, no whitespace, no overflow. */
    static long parseLength(String value) throws WireException {
        if (value.isEmpty() || value.length() > 18) {
            throw new WireException(BAD_FRAMING, value.isEmpty()
                    ? "empty Content-Length"
                    : "Content-Length too large");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new WireException(BAD_FRAMING, "Content-Length is not a decimal number");
            }
            length = length * 10 + (c - '0'); // at most 18 digits: can't overflow a long
        }
        return length;
    }
}
