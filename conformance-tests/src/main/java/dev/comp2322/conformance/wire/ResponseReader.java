package dev.comp2322.conformance.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately tolerant HTTP/1.1 response reader: it reads whatever a broken server sends and
 * describes it rather than giving up. Every read runs against a deadline, so a silent server is a
 * reported timeout, never a stuck kit.
 */
final class ResponseReader {
    private static final int MAX_LINE = 16 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private final ByteArrayOutputStream consumed = new ByteArrayOutputStream();
    private long deadline;

    ReadLog log = ReadLog.NONE;

    /** Where the bytes consumed for one response go (the transcript). */
    interface ReadLog {
        ReadLog NONE = (bytes, note) -> { };

        void record(byte[] bytes, String note);
    }

    ResponseReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Reads one response; HEAD responses and 1xx/204/304 have no content (RFC 9112 §6.3). */
    WireOutcome read(boolean headRequest, long timeoutNanos) {
        deadline = System.nanoTime() + timeoutNanos;
        consumed.reset();
        WireOutcome outcome = readResponse(headRequest);
        String note = outcome instanceof WireOutcome.Received r ? r.response().problem().orElse("")
                : outcome instanceof WireOutcome.Silent s ? s.describe()
                : "unparseable";
        log.record(consumed.toByteArray(), note);
        return outcome;
    }

    private WireOutcome readResponse(boolean headRequest) {
        HeadParser head = new HeadParser();
        try {
            while (true) {
                String statusLine = readLine(head);
                if (statusLine == null) {
                    return silent(WireOutcome.Silent.Why.CLOSED);
                }
                if (statusLine.isEmpty() && consumed.size() <= 2) {
                    continue;   // tolerate a stray CRLF between responses, as clients do (RFC 9112 §2.2)
                }
                if (!statusLine.startsWith("HTTP/")) {
                    return new WireOutcome.Garbled("status line " + quote(statusLine),
                            Transcript.printable(consumed.toByteArray(), consumed.size()));
                }
                int status = head.status(statusLine);
                if (status < 0) {
                    return new WireOutcome.Garbled("no status code in " + quote(statusLine),
                            Transcript.printable(consumed.toByteArray(), consumed.size()));
                }
                List<Field> fields = readFields(head);
                if (fields == null) {
                    return silent(WireOutcome.Silent.Why.CLOSED);
                }
                if (status >= 100 && status < 200) {
                    head = new HeadParser();
                    continue;   // interim response: the final one follows (RFC 9110 §15.2)
                }
                return new WireOutcome.Received(readBody(statusLine, status, fields, headRequest, head));
            }
        } catch (SocketTimeoutException e) {
            return silent(WireOutcome.Silent.Why.TIMEOUT);
        } catch (IOException e) {
            return silent(WireOutcome.Silent.Why.CLOSED);
        }
    }

    private WireOutcome silent(WireOutcome.Silent.Why why) {
        return new WireOutcome.Silent(why, consumed.size(),
                Transcript.printable(consumed.toByteArray(), consumed.size()));
    }

    private List<Field> readFields(HeadParser head) throws IOException {
        List<Field> fields = new ArrayList<>();
        while (true) {
            String line = readLine(head);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                return fields;
            }
            head.field(line).ifPresent(fields::add);
        }
    }

    private WireResponse readBody(String statusLine, int status, List<Field> fields, boolean headRequest,
                                  HeadParser head) {
        BodyReader body = new BodyReader(this);
        Framing framing;
        if (headRequest || status == 204 || status == 304) {
            framing = Framing.NONE;
        } else {
            framing = body.read(fields, head);
        }
        return new WireResponse(statusLine, status, fields, body.bytes(), framing, head.problem());
    }

    /** Reads one line (LF-terminated, CR stripped); null on EOF before any byte of the line. */
    String readLine(HeadParser head) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean cr = false;
        while (true) {
            int b = readByte();
            if (b < 0) {
                return line.size() == 0 && !cr ? null : endOfStreamInLine();
            }
            if (b == '\n') {
                if (!cr && head != null) {
                    head.note("bare LF line ending (RFC 9112 §2.2 requires CRLF)");
                }
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            if (cr) {
                line.write('\r');
            }
            cr = b == '\r';
            if (!cr) {
                line.write(b);
            }
            if (line.size() > MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    private static String endOfStreamInLine() throws IOException {
        throw new IOException("connection closed in the middle of a line");
    }

    /** Next byte, or -1 at end of stream; throws SocketTimeoutException once the deadline passes. */
    int readByte() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int b = buffer[position++] & 0xff;
        consumed.write(b);
        return b;
    }

    /** Up to {@code max} bytes into {@code target}; -1 at end of stream. */
    int read(byte[] target, int offset, int max) throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(max, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        if (consumed.size() < Transcript.CAP * 2) {
            consumed.write(target, offset, Math.min(n, Transcript.CAP * 2));
        }
        return n;
    }

    /** True if bytes are already buffered (used to detect extra bytes after a response). */
    boolean hasBuffered() {
        return position < limit;
    }

    private boolean fill() throws IOException {
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, remainingMillis)));
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Starts a fresh deadline for a read that is not a response (waiting for close, draining). */
    void restartDeadline(long timeoutNanos) {
        deadline = System.nanoTime() + timeoutNanos;
        consumed.reset();
    }

    byte[] consumedBytes() {
        return consumed.toByteArray();
    }

    private static String quote(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "\"" + Transcript.printable(cut.getBytes(StandardCharsets.ISO_8859_1), cut.length()) + "\"";
    }
}
