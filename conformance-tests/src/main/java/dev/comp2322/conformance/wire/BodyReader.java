package dev.comp2322.conformance.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

/** Reads a response body by the RFC 9112 §6.3 rules: chunked, then Content-Length, then until close. */
final class BodyReader {
    private final ResponseReader reader;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    BodyReader(ResponseReader reader) {
        this.reader = reader;
    }

    byte[] bytes() {
        return body.toByteArray();
    }

    Framing read(List<Field> fields, HeadParser head) {
        List<String> te = fields.stream().filter(f -> f.is("Transfer-Encoding")).map(Field::value).toList();
        List<String> cl = fields.stream().filter(f -> f.is("Content-Length")).map(Field::value).toList();
        try {
            if (!te.isEmpty()) {
                if (!cl.isEmpty()) {
                    head.note("both Transfer-Encoding and Content-Length (RFC 9112 §6.2: a sender MUST NOT)");
                }
                if (te.get(te.size() - 1).trim().toLowerCase().endsWith("chunked")) {
                    return chunked(head);
                }
                return untilClose(head);
            }
            if (!cl.isEmpty()) {
                long length = contentLength(cl);
                if (length < 0) {
                    head.note("invalid Content-Length " + cl);
                    return untilClose(head);
                }
                return exactly(length, head);
            }
            return untilClose(head);
        } catch (SocketTimeoutException e) {
            head.note("body incomplete: timed out after " + body.size() + " bytes");
            return Framing.BROKEN;
        } catch (IOException e) {
            head.note("body incomplete: " + e.getMessage());
            return Framing.BROKEN;
        }
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

    private Framing exactly(long length, HeadParser head) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int n = reader.read(chunk, 0, (int) Math.min(chunk.length, remaining));
            if (n < 0) {
                head.note("connection closed after " + body.size() + " of " + length + " Content-Length bytes");
                return Framing.BROKEN;
            }
            body.write(chunk, 0, n);
            remaining -= n;
        }
        return Framing.LENGTH;
    }

    private Framing untilClose(HeadParser head) throws IOException {
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
            head.note("body has no Content-Length and no chunked coding, and the connection stayed open"
                    + " (RFC 9112 §6.3: the response is not self-delimiting)");
            return Framing.BROKEN;
        }
    }

    private Framing chunked(HeadParser head) throws IOException {
        while (true) {
            String sizeLine = reader.readLine(null);
            if (sizeLine == null) {
                head.note("connection closed inside chunked body");
                return Framing.BROKEN;
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                head.note("bad chunk size line \"" + sizeLine + "\"");
                return Framing.BROKEN;
            }
            if (size == 0) {
                while (true) {
                    String trailer = reader.readLine(null);
                    if (trailer == null || trailer.isEmpty()) {
                        return Framing.CHUNKED;
                    }
                }
            }
            if (exactly(size, head) == Framing.BROKEN) {
                return Framing.BROKEN;
            }
            String end = reader.readLine(null);
            if (end == null || !end.isEmpty()) {
                head.note("chunk data not followed by CRLF");
                return Framing.BROKEN;
            }
        }
    }
}
