package dev.comp2322.conformance.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately tolerant HTTP/1.1 response reader: it reads what a broken server sends the way curl
 * and browsers do (bare LF, no reason phrase, obs-fold, bodies ended by a close or by nothing at all)
 * and records each deviation as an {@link Observation} instead of giving up. Every read is bounded:
 * the first byte by {@link Patience#firstByte()}, the rest of the response by the timeout, and a body
 * without an end marker by {@link Patience#quietGap}.
 */
final class ResponseReader {
    private static final int MAX_LINE = 16 * 1024;
    /** Bytes kept per response for the transcript and for descriptions; the count is always exact. */
    private static final int KEEP = 64 * 1024;

    /** Where the bytes consumed for one response go (the transcript). */
    interface ReadLog {
        ReadLog NONE = (bytes, note) -> { };

        void record(byte[] bytes, String note);
    }

    private final ByteSource source;
    private final Patience patience;
    private final boolean learn;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private final ByteArrayOutputStream consumed = new ByteArrayOutputStream();
    private int consumedCount;
    private long deadline;
    private Duration quiet;
    private String quietNote = "";

    ReadLog log = ReadLog.NONE;

    /** A reader that learns from what it sees ({@code learn}) or only applies the patience's waits. */
    ResponseReader(ByteSource source, Patience patience, boolean learn) {
        this.source = source;
        this.patience = patience;
        this.learn = learn;
    }

    /**
     * Reads one response; HEAD responses and 1xx/204/304 have no content (RFC 9112 §6.3). With an
     * explicit {@code limit} the whole response must arrive within it, and nothing is learnt.
     */
    WireOutcome read(boolean headRequest, Optional<Duration> explicit) {
        long start = System.nanoTime();
        resetConsumed();
        quiet = null;
        quietNote = "";
        Patience.Wait first = explicit.map(l -> new Patience.Wait(patience.cap(l), "")).orElseGet(patience::firstByte);
        WireOutcome outcome;
        if (position == limit) {
            outcome = awaitFirstByte(first, start, explicit.isEmpty());
            if (outcome != null) {
                log.record(consumedBytes(), outcome.describe());
                return outcome;
            }
        }
        Duration whole = explicit.orElse(patience.timeout());
        deadline = System.nanoTime() + patience.cap(whole).toNanos();
        outcome = readResponse(headRequest, start);
        String note = outcome instanceof WireOutcome.Received r ? r.response().problem().orElse("") : outcome.describe();
        log.record(consumedBytes(), note);
        return outcome;
    }

    /** Null once a byte is buffered; otherwise the silence. */
    private WireOutcome awaitFirstByte(Patience.Wait first, long start, boolean adaptive) {
        try {
            int n = source.read(buffer, 0, buffer.length, first.duration());
            if (n < 0) {
                return new WireOutcome.Silent(WireOutcome.Silent.Why.CLOSED, 0, "", since(start), "");
            }
            position = 0;
            limit = n;
            if (learn && adaptive) {
                patience.answered(since(start));
            }
            return null;
        } catch (SocketTimeoutException e) {
            if (learn && adaptive) {
                patience.unanswered();
            }
            return new WireOutcome.Silent(WireOutcome.Silent.Why.TIMEOUT, 0, "", first.duration(), first.note());
        } catch (IOException e) {
            return new WireOutcome.Silent(WireOutcome.Silent.Why.CLOSED, 0, "", since(start), "");
        }
    }

    private WireOutcome readResponse(boolean headRequest, long start) {
        HeadParser head = new HeadParser();
        try {
            while (true) {
                String statusLine = readLine(head);
                if (statusLine == null) {
                    return silent(WireOutcome.Silent.Why.CLOSED, start);
                }
                if (statusLine.isEmpty()) {
                    // Read past, as clients do; usually left-over bytes of the previous message (RFC 9112 §2.2).
                    head.note(Observation.Kind.STRAY_EMPTY_LINE, "empty line(s) before the status line");
                    continue;
                }
                if (!statusLine.startsWith("HTTP/")) {
                    return new WireOutcome.Garbled("status line " + quote(statusLine), printableConsumed());
                }
                int status = head.status(statusLine);
                if (status < 0) {
                    return new WireOutcome.Garbled("no status code in " + quote(statusLine), printableConsumed());
                }
                List<Field> fields = readFields(head);
                if (fields == null) {
                    return silent(WireOutcome.Silent.Why.CLOSED, start);
                }
                if (status >= 100 && status < 200) {
                    continue;   // interim response: the final one follows (RFC 9110 §15.2)
                }
                return new WireOutcome.Received(readBody(statusLine, status, fields, headRequest, head, start));
            }
        } catch (SocketTimeoutException e) {
            return silent(WireOutcome.Silent.Why.TIMEOUT, start);
        } catch (LineTooLong e) {
            return new WireOutcome.Garbled(e.getMessage(), printableConsumed());
        } catch (IOException e) {
            return silent(WireOutcome.Silent.Why.CLOSED, start);
        }
    }

    private WireOutcome silent(WireOutcome.Silent.Why why, long start) {
        return new WireOutcome.Silent(why, consumedCount, printableConsumed(), since(start), "");
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
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                // obs-fold: a recipient MAY replace it with SP (RFC 9112 §5.2); a sender MUST NOT send it.
                head.note(Observation.Kind.OBS_FOLD, "obsolete line folding in the response head (RFC 9112 §5.2)");
                Field last = fields.remove(fields.size() - 1);
                fields.add(new Field(last.name(), (last.value() + " " + line.trim()).trim()));
                continue;
            }
            head.field(line).ifPresent(fields::add);
        }
    }

    private WireResponse readBody(String statusLine, int status, List<Field> fields, boolean headRequest,
                                  HeadParser head, long start) {
        BodyReader body = new BodyReader(this, head);
        Framing framing = headRequest || status == 204 || status == 304 ? Framing.NONE : body.read(fields);
        if (framing == Framing.UNTERMINATED && learn) {
            patience.unterminated();
        }
        return new WireResponse(statusLine, status, fields, body.bytes(), framing, head.observations(), since(start));
    }

    /** Reads one line (LF-terminated, CR stripped); null on EOF before any byte of the line. */
    String readLine(HeadParser head) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean cr = false;
        while (true) {
            int b = readByte();
            if (b < 0) {
                if (line.size() == 0 && !cr) {
                    return null;
                }
                throw new IOException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                if (!cr) {
                    head.note(Observation.Kind.BARE_LF, "bare LF line ending (RFC 9112 §2.2: lines end in CRLF)");
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
                throw new LineTooLong("a line longer than " + MAX_LINE + " bytes without a line end");
            }
        }
    }

    /** Next byte, or -1 at end of stream; throws SocketTimeoutException once the wait runs out. */
    int readByte() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int b = buffer[position++] & 0xff;
        keep(b);
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
        int room = Math.max(0, KEEP - consumed.size());
        consumed.write(target, offset, Math.min(n, room));
        consumedCount += n;
        return n;
    }

    /** From now on each wait for more bytes is at most this pause (a body with no end marker). */
    void quiet(Patience.Wait pause) {
        this.quiet = pause.duration();
        this.quietNote = pause.note();
    }

    /** Why the quiet pause was shorter than the timeout ("" if it was not). */
    String quietNote() {
        return quietNote;
    }

    /** The pause that ends a body with no end marker, learnt by the patience. */
    Patience.Wait quietGap() {
        return patience.quietGap(remaining());
    }

    /** The time left before the response's deadline. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** True if bytes are already buffered (used to detect extra bytes after a response). */
    boolean hasBuffered() {
        return position < limit;
    }

    private boolean fill() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        Duration wait = Duration.ofNanos(left);
        if (quiet != null && quiet.compareTo(wait) < 0) {
            wait = quiet;
        }
        int n = source.read(buffer, 0, buffer.length, wait);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Starts a fresh deadline for a read that is not a response (waiting for close, draining). */
    void restartDeadline(Duration wait) {
        deadline = System.nanoTime() + wait.toNanos();
        quiet = null;
        resetConsumed();
    }

    byte[] consumedBytes() {
        return consumed.toByteArray();
    }

    int consumedCount() {
        return consumedCount;
    }

    private void keep(int b) {
        if (consumed.size() < KEEP) {
            consumed.write(b);
        }
        consumedCount++;
    }

    private void resetConsumed() {
        consumed.reset();
        consumedCount = 0;
    }

    private String printableConsumed() {
        byte[] bytes = consumed.toByteArray();
        return Transcript.printable(bytes, bytes.length);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String quote(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "\"" + Transcript.printable(cut.getBytes(StandardCharsets.ISO_8859_1), cut.length()) + "\"";
    }

    /** A line with no end in sight: the bytes are not an HTTP head. */
    private static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLong(String message) {
            super(message);
        }
    }
}
