package dev.comp2322.conformance.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One raw TCP connection to the server under test. Sends exactly the bytes it is given and reads
 * responses with the tolerant {@link ResponseReader}; the transcript gets exactly the bytes sent and
 * received. Every wait is bounded: reads by the {@link Patience}, writes by the timeout (a server that
 * stops reading cannot block the kit).
 */
public final class WireConnection implements AutoCloseable {
    /** Closes the socket of a write the server stopped draining; its one thread exits when idle. */
    private static final ScheduledThreadPoolExecutor WRITE_GUARD = writeGuard();

    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;
    private final Transcript transcript;
    private final int number;
    private final Patience patience;
    /** Why the kit itself closed the connection (a write the server stopped draining), or "". */
    private volatile String abortedWrite = "";

    private WireConnection(Socket socket, Transcript transcript, int number, Patience patience) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new ResponseReader(ByteSource.socket(socket), patience, true);
        this.transcript = transcript;
        this.number = number;
        this.patience = patience;
        this.reader.log = (bytes, note) -> transcript.received(number, bytes, bytes.length, note);
    }

    /** Connects within the timeout and always waits the full timeout; the number labels this connection. */
    public static WireConnection open(Target target, Duration timeout, Transcript transcript, int number)
            throws IOException {
        return open(target, Patience.fixed(timeout), transcript, number);
    }

    /** Connects within the timeout; reads wait as the patience says. */
    public static WireConnection open(Target target, Patience patience, Transcript transcript, int number)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.port()),
                    (int) Math.max(1, patience.cap(patience.timeout()).toMillis()));
            return new WireConnection(socket, transcript, number, patience);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the string's characters as single octets (ISO-8859-1), so tests can place any byte. */
    public void send(String request) throws IOException {
        send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends raw bytes. A server that already closed may make this fail; callers treat that as a close. */
    public void send(byte[] bytes) throws IOException {
        transcript.sent(number, bytes, bytes.length);
        write(bytes);
    }

    /** Sends bytes without recording them (the bulk of oversized requests, summarised separately). */
    public void sendUnrecorded(byte[] bytes) throws IOException {
        write(bytes);
    }

    /**
     * Writes within the timeout: a server that stops reading fills the TCP window and would block the
     * write forever, so the socket is closed when the wait runs out and the IOException says how far it got.
     */
    private void write(byte[] bytes) throws IOException {
        Duration wait = patience.cap(patience.timeout());
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> guard = WRITE_GUARD.schedule(() -> {
            aborted.set(true);
            close();
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
        int written = 0;
        try {
            while (written < bytes.length) {
                int n = Math.min(64 * 1024, bytes.length - written);
                out.write(bytes, written, n);
                written += n;
            }
            out.flush();
        } catch (IOException e) {
            if (aborted.get()) {
                abortedWrite = "the server stopped reading: " + written + " of " + bytes.length
                        + " bytes could be sent in " + WireOutcome.seconds(wait) + ", so the kit closed the connection";
                throw new IOException(abortedWrite, e);
            }
            throw e;
        } finally {
            guard.cancel(false);
        }
    }

    /** Reads the next response to a non-HEAD request. */
    public WireOutcome read() {
        return read(false);
    }

    /** Reads the next response, knowing whether it answers a HEAD request (no content, RFC 9112 §6.3). */
    public WireOutcome read(boolean headRequest) {
        return record(abortedWrite.isEmpty() ? reader.read(headRequest, Optional.empty()) : stoppedReading());
    }

    /**
     * Reads the next response within an explicit limit (concurrency cases measure their own limit, a
     * slow-request case waits on purpose). Such a wait is never shortened by what the run learnt.
     */
    public WireOutcome read(boolean headRequest, Duration limit) {
        return record(abortedWrite.isEmpty() ? reader.read(headRequest, Optional.of(limit)) : stoppedReading());
    }

    /** The kit closed the connection after the server stopped reading: that is a silence, not the server's close. */
    private WireOutcome stoppedReading() {
        WireOutcome silence = new WireOutcome.Silent(WireOutcome.Silent.Why.TIMEOUT, 0, "", patience.timeout(), abortedWrite);
        transcript.received(number, new byte[0], 0, silence.describe());
        return silence;
    }

    private WireOutcome record(WireOutcome outcome) {
        if (outcome instanceof WireOutcome.Received r) {
            transcript.status(r.response().status());
        }
        return outcome;
    }

    /** What the server did after its last response: closed, sent more, or nothing (waits as the patience says). */
    public AfterResponse awaitClose() {
        return awaitClose(patience.closeWait(patience.timeout()), true);
    }

    /** As {@link #awaitClose()} with an explicit wait (only capped by the run's deadline; nothing is learnt). */
    public AfterResponse awaitClose(Duration wait) {
        return awaitClose(new Patience.Wait(patience.cap(wait), ""), false);
    }

    private AfterResponse awaitClose(Patience.Wait wait, boolean learn) {
        reader.restartDeadline(wait.duration());
        try {
            int b = reader.readByte();
            if (b < 0) {
                return new AfterResponse(AfterResponse.State.CLOSED, "", wait.duration(), wait.note());
            }
            drainBriefly();
            byte[] extra = reader.consumedBytes();
            transcript.received(number, extra, extra.length, "unexpected bytes after the response");
            return new AfterResponse(AfterResponse.State.EXTRA_BYTES,
                    Transcript.printable(extra, Math.min(extra.length, 200)), wait.duration(), wait.note());
        } catch (SocketTimeoutException e) {
            if (learn) {
                patience.stayedOpen();
            }
            return new AfterResponse(AfterResponse.State.STILL_OPEN, "", wait.duration(), wait.note());
        } catch (IOException e) {
            return new AfterResponse(AfterResponse.State.CLOSED, "", wait.duration(), wait.note());
        }
    }

    private void drainBriefly() {
        try {
            while (reader.hasBuffered()) {
                reader.readByte();
            }
        } catch (IOException ignored) {
            // only a preview of the stray bytes is wanted
        }
    }

    /** Half-closes the sending side, as a client that has nothing more to say. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The configured per-read timeout. */
    public Duration timeout() {
        return patience.timeout();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the server already dropped has nothing to report
        }
    }

    private static ScheduledThreadPoolExecutor writeGuard() {
        ScheduledThreadPoolExecutor guard = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "kit-write-guard");
            t.setDaemon(true);
            return t;
        });
        guard.setKeepAliveTime(1, TimeUnit.SECONDS);
        guard.allowCoreThreadTimeOut(true);
        guard.setRemoveOnCancelPolicy(true);
        return guard;
    }

    /**
     * The result of waiting for the server to close after a response: what happened, the stray bytes if
     * any, how long the kit waited, and why that wait was shorter than the timeout (empty if it was not).
     */
    public record AfterResponse(State state, String extra, Duration waited, String waitNote) {
        /** What happened. */
        public enum State {
            /** End of stream (or reset): the server closed. */
            CLOSED,
            /** The server sent more bytes that no request asked for. */
            EXTRA_BYTES,
            /** Nothing arrived and the connection stayed open for the whole wait. */
            STILL_OPEN
        }

        /** "still open 5 s after the response" and the like. */
        public String describe() {
            return switch (state) {
                case CLOSED -> "closed after the response";
                case EXTRA_BYTES -> "unexpected bytes after the response: " + extra;
                case STILL_OPEN -> "the connection was still open " + WireOutcome.seconds(waited) + " after the response"
                        + (waitNote.isEmpty() ? "" : " (" + waitNote + ")");
            };
        }
    }
}
