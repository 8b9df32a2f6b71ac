package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.adapters.socket.RequestReader.Incoming;
import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.model.ClientAddress;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.model.Response;
import dev.comp2322.webserver.domain.port.in.ServeRequest;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection, served by a plain blocking loop on its own virtual thread: read a
 * request, ask the domain, write the answer, log it, and go on while the domain keeps it open.
 * Any I/O failure ends this connection only.
 */
final class HttpConnection implements Runnable, ResponseWriter.WriteWatch, RequestReader.ReadDeadline {

    private static final System.Logger LOG = System.getLogger(HttpConnection.class.getName());
    private static final int BUSY = 0;
    private static final int IDLE = 1;
    private static final int CLOSED = 2;
    private static final long NOT_WRITING = Long.MIN_VALUE;
    private static final long NOT_READING = Long.MIN_VALUE;
    /** Set by the sweeper in place of a passed deadline (nanoTime never reaches it in practice). */
    private static final long READ_EXPIRED = Long.MAX_VALUE;
    /** How long a closing connection keeps reading so the peer sees our response before any reset (RFC 9112 §9.6). */
    private static final long LINGER_NANOS = Duration.ofSeconds(1).toNanos();

    private final SocketChannel channel;
    private final ServeRequest service;
    private final ContentOpener opener;
    private final AccessLog log;
    private final WireSettings settings;
    private final Connections connections;
    private final AtomicInteger state = new AtomicInteger(IDLE); // busy only from a request's first byte
    private volatile long writeStartedNanos = NOT_WRITING;
    private final AtomicLong readDeadlineNanos = new AtomicLong(NOT_READING);
    private ClientAddress client = new ClientAddress("", 0);
    private RequestReader reader;
    /** Set when the connection closes because a request could not be framed: the peer may still be sending. */
    private boolean closingAfterError;
    private ResponseWriter writer;

    HttpConnection(SocketChannel channel, ServeRequest service, ContentOpener opener, AccessLog log,
            WireSettings settings, Connections connections) {
        this.channel = channel;
        this.service = service;
        this.opener = opener;
        this.log = log;
        this.settings = settings;
        this.connections = connections;
    }

    @Override
    public void run() {
        try {
            InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
            client = new ClientAddress(peer.getAddress().getHostAddress(), peer.getPort());
            reader = new RequestReader(this, channel.socket().getInputStream(), client, settings);
            writer = new ResponseWriter(channel, opener, this);
            if (serveUntilDone()) {
                linger();
            }
        } catch (IOException e) {
            // The peer reset or went away, a write timed out, or the server closed us: this connection only.
            LOG.log(System.Logger.Level.DEBUG, () -> "connection " + client + " ended: " + e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connection " + client + " failed", e);
        } finally {
            close();
            connections.remove(this);
        }
    }

    /** Serves requests until the connection should close; true when the last thing done was a response. */
    private boolean serveUntilDone() throws IOException {
        while (true) {
            if (!reader.hasBufferedBytes() && !awaitNextRequest()) {
                return false;
            }
            Instant receivedAt = Instant.now();
            long startNanos = System.nanoTime();
            switch (reader.read(receivedAt, startNanos)) {
                case Incoming.Closed closed -> {
                    return false;
                }
                case Incoming.Framed framed -> {
                    if (!exchange(framed.request(), startNanos)) {
                        return true;
                    }
                }
                case Incoming.Rejected rejected -> {
                    reject(rejected, startNanos); // RFC 9112 §9.3: after a framing error the stream can't be trusted
                    closingAfterError = true;
                    return true;
                }
            }
            // A stopping server lets the current exchange finish, then closes (pipelined requests go unanswered).
            if (connections.stopping()) {
                return true;
            }
        }
    }

    /** Waits, idle, for the first byte of the next request; false when the connection should close silently. */
    private boolean awaitNextRequest() throws IOException {
        state.set(IDLE);
        if (connections.stopping()) {
            return false; // stop() closes idle connections; this one became idle just after it looked
        }
        // Let the other connections' virtual threads run first: under load the client's next request
        // has usually arrived by the time this one runs again, so the read below finds it instead of
        // parking (read, EAGAIN, epoll registration, wake-up: the costliest steps left in the profile).
        Thread.yield();
        boolean arrived = reader.awaitFirstByte();
        return state.compareAndSet(IDLE, BUSY) && arrived;
    }

    private boolean exchange(Request request, long startNanos) throws IOException {
        Response response = service.serve(request);
        long sent = writer.write(response);
        if (sent == ResponseWriter.CONTENT_UNAVAILABLE) {
            // Nothing was sent and the file is gone or shorter: ask once more; the domain now sees it (404).
            response = service.serve(request);
            sent = writer.write(response);
            if (sent == ResponseWriter.CONTENT_UNAVAILABLE) {
                return false;
            }
        }
        String userAgent = request.headers().first("User-Agent").orElse("");
        record(request.receivedAt(), request.method(), request.target(), request.version().toString(),
                response, sent, startNanos, userAgent);
        return response.keepOpen();
    }

    private void reject(Incoming.Rejected rejected, long startNanos) throws IOException {
        Response response = service.reject(rejected.error());
        long sent = writer.write(response);
        if (sent != ResponseWriter.CONTENT_UNAVAILABLE) {
            record(rejected.error().receivedAt(), rejected.method(), rejected.target(), rejected.version(),
                    response, sent, startNanos, rejected.userAgent());
        }
    }

    /**
     * Logs one completed response. Only responses whose every byte was handed to the kernel count
     * as completed: one cut off by a disconnect, a write timeout or a shrinking file is not logged.
     */
    private void record(Instant receivedAt, String method, String target, String version, Response response,
            long sent, long startNanos, String userAgent) {
        log.record(new AccessLogEntry(receivedAt, client.ip(), client.port(), method, target, version,
                response.status().code(), sent, Duration.ofNanos(System.nanoTime() - startNanos), userAgent));
    }

    private void linger() throws IOException {
        channel.shutdownOutput(); // FIN after the last response, so the peer knows no more is coming
        // A clean close (Connection: close, HTTP/1.0) of a peer that sent nothing more can't be reset
        // by unread data: close at once, as nginx does, instead of parking up to a second for its FIN.
        if (!closingAfterError && !reader.peerHasSentMore()) {
            return;
        }
        // Nothing more to finish: stop() may close this at once.
        if (state.compareAndSet(BUSY, IDLE) && !connections.stopping()) {
            reader.drain(Math.min(LINGER_NANOS, settings.headerTimeout().toNanos()));
        }
    }

    /** True from the first byte of a request until its response is written. */
    boolean busy() {
        return state.get() == BUSY;
    }

    /** Closes this connection if it is waiting for a next request (used by stop()). */
    void closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            closeChannel();
        }
    }

    /**
     * Ends this connection's read if its deadline has passed: shutting the input down wakes the
     * blocked read with end-of-stream, and {@link #disarm()} tells the reader it was a timeout.
     * The output stays open, so a 408/400 can still be sent for a request head that came too slowly.
     */
    void expireReadIfDue(long nowNanos) {
        long deadline = readDeadlineNanos.get();
        if (deadline == NOT_READING || deadline == READ_EXPIRED || nowNanos - deadline < 0) {
            return;
        }
        // The compare-and-set loses to a read that completed and re-armed meanwhile: then nothing happens.
        if (readDeadlineNanos.compareAndSet(deadline, READ_EXPIRED)) {
            try {
                channel.shutdownInput();
            } catch (IOException e) {
                close(); // can't wake the read gently: end the connection
            }
        }
    }

    @Override
    public void arm(long deadlineNanos) {
        readDeadlineNanos.set(deadlineNanos);
    }

    @Override
    public boolean disarm() {
        return readDeadlineNanos.getAndSet(NOT_READING) == READ_EXPIRED;
    }

    /** Closes this connection if its current write has been blocked longer than the timeout. */
    void closeIfWriteStalled(long nowNanos, long timeoutNanos) {
        long started = writeStartedNanos;
        if (started != NOT_WRITING && nowNanos - started > timeoutNanos) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + client + ": write blocked past the write timeout");
            close();
        }
    }

    /** Closes this connection whatever it is doing; blocked reads and writes fail at once. */
    void close() {
        state.set(CLOSED);
        closeChannel();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + client + ": " + e);
        }
    }

    @Override
    public void writeStarted() {
        writeStartedNanos = System.nanoTime();
    }

    @Override
    public void writeEnded() {
        writeStartedNanos = NOT_WRITING;
    }
}
