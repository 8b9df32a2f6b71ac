package dev.comp2322.webserver.adapters.socket;

import static dev.comp2322.webserver.domain.model.RequestError.Kind.HEAD_TIMEOUT;

import dev.comp2322.webserver.domain.model.ClientAddress;
import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.HeaderFields;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.RequestError;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Instant;

/**
 * Reads one request at a time from a connection: waits for its first byte within the keep-alive
 * timeout, parses its head within the head timeout, frames its body and discards it. Bytes after
 * the request stay buffered for the next one (pipelining).
 */
final class RequestReader {

    /** What arrived on the connection. */
    sealed interface Incoming {

        /** The peer closed, or went silent mid-request: nothing to answer. */
        record Closed() implements Incoming {}

        /** A complete request whose body, if any, has been read and discarded. */
        record Framed(Request request) implements Incoming {}

        /** A request that can't be framed, with what was parsed of it (empty text where nothing was). */
        record Rejected(RequestError error, String method, String target, String version, String userAgent)
                implements Incoming {}
    }

    static final Incoming CLOSED = new Incoming.Closed();

    /**
     * The deadline of the one read in progress. Reads block without a timeout; the connection's
     * sweeper shuts the input down when an armed deadline passes, which ends the read.
     */
    interface ReadDeadline {

        /** Starts a read that must end by {@code deadlineNanos} (a {@link System#nanoTime()} value). */
        void arm(long deadlineNanos);

        /** Ends the read's wait; true when the deadline passed first and the input was shut down. */
        boolean disarm();
    }

    private static final int BUFFER_BYTES = 4096; // one read; parsers copy what they keep, so this bounds nothing

    private final ReadDeadline deadline;
    private final InputStream in;
    private final ClientAddress client;
    private final long keepAliveNanos;
    private final long headerNanos;
    private final long maxBodyBytes;
    private final ReadBuffer buffer = new ReadBuffer(BUFFER_BYTES);
    private final RequestLineParser line;
    private final FieldSectionParser fields;
    private final ChunkedBodyDiscarder chunked;

    RequestReader(ReadDeadline deadline, InputStream in, ClientAddress client, WireSettings settings) {
        this.deadline = deadline;
        this.in = in;
        this.client = client;
        this.keepAliveNanos = settings.keepAliveTimeout().toNanos();
        this.headerNanos = settings.headerTimeout().toNanos();
        this.maxBodyBytes = settings.maxDiscardedBodyBytes();
        this.line = new RequestLineParser(settings.maxRequestLineBytes());
        this.fields = new FieldSectionParser(settings.maxHeaderSectionBytes(), settings.maxHeaderFields());
        this.chunked = new ChunkedBodyDiscarder(maxBodyBytes, settings.maxRequestLineBytes(),
                settings.maxHeaderSectionBytes(), settings.maxHeaderFields());
    }

    /** True when the peer sent bytes we have not read: buffered here, or waiting in the kernel (FIONREAD). */
    boolean peerHasSentMore() throws IOException {
        return buffer.hasRemaining() || in.available() > 0;
    }

    /** True when bytes of a next (pipelined) request are already here. */
    boolean hasBufferedBytes() {
        return buffer.hasRemaining();
    }

    /**
     * Waits for the first byte of the next request.
     *
     * @return false when the peer closed or stayed idle past the keep-alive timeout
     */
    boolean awaitFirstByte() throws IOException {
        try {
            return fill(keepAliveNanos) > 0;
        } catch (SocketTimeoutException idle) {
            return false; // an idle keep-alive connection just ends: no request, nothing to answer or log
        }
    }

    /** Reads the request whose first byte is buffered; {@code startNanos} is when that byte arrived. */
    Incoming read(Instant receivedAt, long startNanos) throws IOException {
        line.reset();
        fields.reset();
        try {
            if (!readHead(startNanos + headerNanos)) {
                return CLOSED;
            }
            Request request = new Request(line.method(), line.target(), line.version(),
                    new HeaderFields(fields.fields()), client, receivedAt);
            BodyFraming framing = BodyFraming.of(request.version(), request.headers(), maxBodyBytes);
            return discardBody(framing) ? new Incoming.Framed(request) : CLOSED;
        } catch (WireException e) {
            return rejected(e.kind(), e.detail(), receivedAt);
        } catch (SocketTimeoutException e) {
            return rejected(HEAD_TIMEOUT, "request body stalled", receivedAt);
        }
    }

    private boolean readHead(long deadline) throws IOException, WireException {
        // parse() of a finished element returns true at once, so this resumes wherever the head stopped.
        while (!(line.parse(buffer) && fields.parse(buffer))) {
            long left = deadline - System.nanoTime();
            // Checked before every read: a slowloris whose every read succeeds is still cut off.
            if (left <= 0) {
                throw new WireException(HEAD_TIMEOUT, "request head not complete within the head timeout");
            }
            try {
                if (fill(left) < 0) {
                    return false;
                }
            } catch (SocketTimeoutException e) {
                throw new WireException(HEAD_TIMEOUT, "request head not complete within the head timeout");
            }
        }
        return true;
    }

    private boolean discardBody(BodyFraming framing) throws IOException, WireException {
        switch (framing) {
            case BodyFraming.None none -> {
                return true;
            }
            case BodyFraming.Length length -> {
                long left = length.length();
                while (true) {
                    int skip = (int) Math.min(left, buffer.remaining());
                    buffer.pos += skip;
                    left -= skip;
                    if (left == 0) {
                        return true;
                    }
                    if (fill(headerNanos) < 0) {
                        return false;
                    }
                }
            }
            case BodyFraming.Chunked c -> {
                chunked.reset();
                while (!chunked.discard(buffer)) {
                    if (fill(headerNanos) < 0) {
                        return false;
                    }
                }
                return true;
            }
        }
    }

    /**
     * Reads and drops whatever the peer still sends until it closes or {@code maxNanos} pass, so that
     * closing doesn't reset the connection before the peer has read our last response (RFC 9112 §9.6).
     */
    void drain(long maxNanos) throws IOException {
        long deadline = System.nanoTime() + maxNanos;
        buffer.pos = buffer.limit;
        try {
            for (long left = maxNanos; left > 0; left = deadline - System.nanoTime()) {
                if (fill(left) < 0) {
                    return;
                }
                buffer.pos = buffer.limit;
            }
        } catch (SocketTimeoutException enough) {
            // the peer kept the connection open: close it anyway
        }
    }

    private Incoming rejected(RequestError.Kind kind, String detail, Instant receivedAt) {
        String userAgent = "";
        for (HeaderField field : fields.fields()) {
            if (field.hasName("User-Agent")) {
                userAgent = field.value();
                break;
            }
        }
        String version = line.done() ? line.version().toString() : "";
        return new Incoming.Rejected(new RequestError(kind, detail, client, receivedAt),
                line.method(), line.target(), version, userAgent);
    }

    /** Reads once, waiting at most {@code timeoutNanos}; a read that outlives it ends in SocketTimeoutException. */
    private int fill(long timeoutNanos) throws IOException {
        deadline.arm(System.nanoTime() + timeoutNanos);
        int n;
        try {
            n = buffer.fill(in);
        } finally {
            if (deadline.disarm()) {
                throw new SocketTimeoutException("no bytes before the read deadline");
            }
        }
        return n;
    }
}
