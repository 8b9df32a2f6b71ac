package dev.comp2322.conformance.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One raw TCP connection to the server under test. Sends exactly the bytes it is given and reads
 * responses with the tolerant {@link ResponseReader}; every wait is bounded by the timeout.
 */
public final class WireConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;
    private final Transcript transcript;
    private final int number;
    private final Duration timeout;

    private WireConnection(Socket socket, Transcript transcript, int number, Duration timeout) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new ResponseReader(socket);
        this.transcript = transcript;
        this.number = number;
        this.timeout = timeout;
        this.reader.log = (bytes, note) -> transcript.received(number, bytes, bytes.length, note);
    }

    /** Connects within the timeout; the number labels this connection in the transcript. */
    public static WireConnection open(Target target, Duration timeout, Transcript transcript, int number)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            return new WireConnection(socket, transcript, number, timeout);
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
        out.write(bytes);
        out.flush();
    }

    /** Sends bytes without recording them (used for the bulk of oversized requests, summarised separately). */
    public void sendUnrecorded(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the next response to a non-HEAD request. */
    public WireOutcome read() {
        return read(false);
    }

    /** Reads the next response, knowing whether it answers a HEAD request (no content, RFC 9112 §6.3). */
    public WireOutcome read(boolean headRequest) {
        return read(headRequest, timeout);
    }

    /** Reads the next response with a custom deadline (concurrency cases measure their own limit). */
    public WireOutcome read(boolean headRequest, Duration limit) {
        WireOutcome outcome = reader.read(headRequest, limit.toNanos());
        if (outcome instanceof WireOutcome.Received r) {
            transcript.status(r.response().status());
        }
        return outcome;
    }

    /** What the server did after its last response, within the timeout: closed, sent more, or nothing. */
    public AfterResponse awaitClose() {
        return awaitClose(timeout);
    }

    /** As {@link #awaitClose()} with an explicit wait. */
    public AfterResponse awaitClose(Duration wait) {
        reader.restartDeadline(wait.toNanos());
        try {
            int b = reader.readByte();
            if (b < 0) {
                return new AfterResponse(AfterResponse.State.CLOSED, "");
            }
            drainBriefly();
            byte[] extra = reader.consumedBytes();
            transcript.received(number, extra, extra.length, "unexpected bytes after the response");
            return new AfterResponse(AfterResponse.State.EXTRA_BYTES, Transcript.printable(extra, Math.min(extra.length, 200)));
        } catch (SocketTimeoutException e) {
            return new AfterResponse(AfterResponse.State.STILL_OPEN, "");
        } catch (IOException e) {
            return new AfterResponse(AfterResponse.State.CLOSED, "");
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
        return timeout;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the server already dropped has nothing to report
        }
    }

    /** The result of waiting for the server to close after a response. */
    public record AfterResponse(State state, String extra) {
        /** What happened. */
        public enum State {
            /** End of stream (or reset): the server closed. */
            CLOSED,
            /** The server sent more bytes that no request asked for. */
            EXTRA_BYTES,
            /** Nothing arrived and the connection stayed open for the whole wait. */
            STILL_OPEN
        }
    }
}
