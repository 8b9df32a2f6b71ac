package dev.comp2322.conformance.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Reads a response body by the RFC 9112 §6.3 rules (chunked, then Content-Length, then until close)
 * and never gives up on a server that breaks them: what arrived is kept, and how the framing failed is
 * an {@link Observation} on the response.
 */
final class BodyReader {
    private final ResponseReader reader;
    private final HeadParser head;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    BodyReader(ResponseReader reader, HeadParser head) {
        this.reader = reader;
        this.head = head;
    }

    byte[] bytes() {
        return body.toByteArray();
    }

    Framing read(List<Field> fields) {
        List<String> te = fields.stream().filter(f -> f.is("Transfer-Encoding")).map(Field::value).toList();
        List<String> cl = fields.stream().filter(f -> f.is("Content-Length")).map(Field::value).toList();
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                head.note(Observation.Kind.LENGTH_AND_CHUNKED,
                        "both Transfer-Encoding and Content-Length (RFC 9112 §6.2: a sender MUST NOT)");
            }
            // RFC 9112 §6.3: chunked as the final coding frames the body; any other coding reads to close.
            return te.get(te.size() - 1).trim().toLowerCase(java.util.Locale.ROOT).endsWith("chunked")
                    ? chunked() : untilClose();
        }
        if (!cl.isEmpty()) {
            long length = contentLength(cl);
            if (length < 0) {
                head.note(Observation.Kind.INVALID_CONTENT_LENGTH, "invalid Content-Length " + cl
                        + " (RFC 9110 §8.6); the body was read until the connection ended");
                return untilClose();
            }
            return exactly(length);
        }
        return untilClose();
    }

    /** The single valid length, or -1 if the values are invalid or disagree (RFC 9110 §8.6). */
    static long contentLength(List<String> values) {
        long length = -1;
        for (String value : values) {
            for (String member : value.split(",", -1)) {
                String m = member.trim();
                if (m.isEmpty() || m.length() > 18 || !m.chars().allMatch(Character::isDigit)) {
                    return -1;
                }
                long n = Long.parseLong(m);
                if (length >= 0 && n != length) {
                    return -1;
                }
                length = n;
            }
        }
        return length;
    }

    private Framing exactly(long length) {
        try {
            return copy(length) ? Framing.LENGTH : truncated(body.size() + " of " + length + " Content-Length bytes");
        } catch (SocketTimeoutException e) {
            return unterminated(body.size() + " of " + length + " Content-Length bytes arrived, then nothing");
        } catch (IOException e) {
            return truncated(body.size() + " of " + length + " Content-Length bytes (" + e.getMessage() + ")");
        }
    }

    /** Copies {@code length} bytes; false if the stream ended first. */
    private boolean copy(long length) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int n = reader.read(chunk, 0, (int) Math.min(chunk.length, remaining));
            if (n < 0) {
                return false;
            }
            body.write(chunk, 0, n);
            remaining -= n;
        }
        return true;
    }

    private Framing untilClose() {
        reader.quiet(reader.quietGap());
        byte[] chunk = new byte[16 * 1024];
        try {
            while (true) {
                int n = reader.read(chunk, 0, chunk.length);
                if (n < 0) {
                    return Framing.CLOSE;
                }
                body.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            String note = reader.quietNote();
            return unterminated("no Content-Length and no chunked coding, and the connection stayed open after "
                    + body.size() + " body bytes (RFC 9112 §6.3: the client cannot tell where the response ends)"
                    + (note.isEmpty() ? "" : "; " + note));
        } catch (IOException e) {
            return Framing.CLOSE;   // a reset ends a close-delimited body as surely as a FIN
        }
    }

    private Framing chunked() {
        try {
            while (true) {
                String sizeLine = reader.readLine(head);
                if (sizeLine == null) {
                    return truncated("the connection closed inside the chunked body after " + body.size() + " bytes");
                }
                int semicolon = sizeLine.indexOf(';');
                String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    head.note(Observation.Kind.BAD_CHUNK, "bad chunk-size line \"" + sizeLine + "\" (RFC 9112 §7.1)");
                    return Framing.BROKEN;
                }
                if (size == 0) {
                    return trailers();
                }
                if (!copy(size)) {
                    return truncated("the connection closed inside a chunk after " + body.size() + " bytes");
                }
                String end = reader.readLine(head);
                if (end == null || !end.isEmpty()) {
                    head.note(Observation.Kind.BAD_CHUNK, "chunk data not followed by CRLF (RFC 9112 §7.1)");
                    return Framing.BROKEN;
                }
            }
        } catch (SocketTimeoutException e) {
            return unterminated("the chunked body had no last chunk after " + body.size() + " bytes");
        } catch (IOException e) {
            return truncated("the chunked body broke off after " + body.size() + " bytes (" + e.getMessage() + ")");
        }
    }

    private Framing trailers() throws IOException {
        while (true) {
            String trailer = reader.readLine(head);
            if (trailer == null || trailer.isEmpty()) {
                return Framing.CHUNKED;
            }
        }
    }

    private Framing truncated(String what) {
        head.note(Observation.Kind.TRUNCATED, "the connection closed before the end of the body: " + what);
        return Framing.BROKEN;
    }

    private Framing unterminated(String what) {
        head.note(Observation.Kind.UNTERMINATED, "the response did not end: " + what);
        return Framing.UNTERMINATED;
    }
}
