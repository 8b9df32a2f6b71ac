package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.model.ClientAddress;
import dev.comp2322.webserver.domain.model.HttpVersion;
import dev.comp2322.webserver.domain.model.Request;
import dev.comp2322.webserver.domain.port.in.ServeRequest;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import dev.comp2322.webserver.domain.port.out.ContentSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One event loop: a thread with a {@link Selector} that accepts connections, reads, answers and
 * writes for the connections it owns, and checks their deadlines once per turn. Nothing in it is
 * shared with other loops except the listener and the connection count, so it needs no locks.
 *
 * <p>Accept: every loop registers the one listening socket for OP_ACCEPT and accepts whatever it
 * wins. The kernel then spreads connections over the loops that are free to take them, with no
 * hand-off queue and no {@code wakeup()}; the price, a wasted wake-up of the other loops per
 * connection, is small at one loop per core.
 */
final class EventLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    /** One read; a request head larger than this simply takes several. */
    private static final int READ_BYTES = 16 * 1024;
    private static final int OUT_BYTES = 64 * 1024;
    /** Room kept in the output buffer before the next pipelined request is answered. */
    static final int RESERVE = 24 * 1024;
    /** How long a closing connection keeps reading so the peer sees our response before any reset (RFC 9112 §9.6). */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final long MAX_WAIT_MILLIS = 1000;
    private static final String HTTP_1_1 = HttpVersion.HTTP_1_1.toString();
    private static final String HTTP_1_0 = HttpVersion.HTTP_1_0.toString();
    private static final long PAUSED_ACCEPT_WAIT_MILLIS = 20;
    private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(50);

    private final SocketHttpServer.Shared shared;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BYTES);
    private final ReadBuffer bytes = new ReadBuffer(READ_BYTES);
    private final ByteBuffer out = ByteBuffer.allocateDirect(OUT_BYTES);
    private final ResponseWriter writer = new ResponseWriter();
    private final ArrayDeque<RequestReader> readers = new ArrayDeque<>();
    private final List<Connection.Answered> answered = new ArrayList<>();
    private final DeadlineQueue idleQueue;
    private final DeadlineQueue headQueue;
    private final DeadlineQueue writeQueue;
    private final DeadlineQueue lingerQueue;
    private final DeadlineQueue[] queues;
    private volatile int busy;
    private boolean acceptPaused;
    private long acceptResumeNanos;
    private boolean acceptFailing;
    private long graceEndNanos;
    private boolean stopSeen;
    private InetAddress lastAddress;
    private String lastIp = "";

    EventLoop(SocketHttpServer.Shared shared, ServerSocketChannel listener) throws IOException {
        this.shared = shared;
        this.selector = Selector.open();
        this.acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        WireSettings settings = shared.settings();
        idleQueue = new DeadlineQueue(settings.keepAliveTimeout().toNanos());
        headQueue = new DeadlineQueue(settings.headerTimeout().toNanos());
        writeQueue = new DeadlineQueue(settings.writeTimeout().toNanos());
        lingerQueue = new DeadlineQueue(Math.min(LINGER.toNanos(), settings.headerTimeout().toNanos()));
        queues = new DeadlineQueue[] {idleQueue, headQueue, writeQueue, lingerQueue};
    }

    @Override
    public void run() {
        try {
            while (turn()) {
                // one turn: wait for readiness or the next deadline, serve what is ready, expire what is due
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "event loop failed; closing its connections", e);
        } finally {
            closeAll();
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing the selector: " + e);
            }
        }
    }

    /** One turn of the loop; false once the loop should end. */
    private boolean turn() throws IOException {
        selector.select(waitMillis(System.nanoTime()));
        long now = System.nanoTime();
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            if (key == acceptKey) {
                accept(now);
            } else {
                handle(key, now);
            }
        }
        for (DeadlineQueue queue : queues) {
            queue.expire(now);
        }
        if (shared.stopping()) {
            return continueStopping(now);
        }
        if (acceptPaused && shared.hasRoom() && now - acceptResumeNanos >= 0) {
            acceptPaused = false;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
        return true;
    }

    private long waitMillis(long now) {
        long nanos = Long.MAX_VALUE;
        for (DeadlineQueue queue : queues) {
            nanos = Math.min(nanos, queue.nanosUntilFirst(now));
        }
        long cap = acceptPaused || shared.stopping() ? PAUSED_ACCEPT_WAIT_MILLIS : MAX_WAIT_MILLIS;
        // Capped before rounding: with every queue empty, Long.MAX_VALUE + 999,999 would overflow to a
        // negative wait, i.e. 1 ms, and an idle loop would wake a thousand times a second.
        nanos = Math.min(nanos, cap * 1_000_000);
        // Rounded up: waking a little late is harmless, waking early just costs a turn.
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    private void handle(SelectionKey key, long now) {
        Connection connection = (Connection) key.attachment();
        try {
            if (!key.isValid()) {
                connection.close();
            } else if (key.isWritable()) {
                connection.onWritable(now);
            } else if (key.isReadable()) {
                connection.onReadable(now);
            }
        } catch (IOException e) {
            // The peer reset or went away, or a file shrank mid-response: this connection only.
            LOG.log(System.Logger.Level.DEBUG, () -> "connection ended: " + e);
            connection.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connection failed", e);
            connection.close();
        }
    }

    private void accept(long now) {
        ServerSocketChannel listener = (ServerSocketChannel) acceptKey.channel();
        while (true) {
            if (!shared.reserveSlot()) {
                // At the limit: new peers wait in the kernel's listen backlog until a slot frees.
                acceptPaused = true;
                acceptKey.interestOps(0);
                return;
            }
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException stopping) {
                shared.releaseSlot();
                return; // stop() closed the listener
            } catch (IOException e) {
                shared.releaseSlot();
                // e.g. out of file descriptors: say so once, keep serving the others, and try again a
                // little later (the listener stays ready, so retrying at once would spin).
                if (!acceptFailing) {
                    acceptFailing = true;
                    LOG.log(System.Logger.Level.WARNING, "accept failed, retrying in "
                            + ACCEPT_BACKOFF.toMillis() + " ms: " + e.getMessage());
                }
                acceptPaused = true;
                acceptResumeNanos = now + ACCEPT_BACKOFF.toNanos();
                acceptKey.interestOps(0);
                return;
            }
            if (channel == null) {
                shared.releaseSlot(); // another loop took it, or the backlog is empty
                return;
            }
            acceptFailing = false;
            open(channel, now);
        }
    }

    private void open(SocketChannel channel, long now) {
        Connection connection = null;
        try {
            channel.configureBlocking(false);
            // Nagle + delayed ACK would hold a small response back ~40 ms when the head and body go out apart.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
            connection = new Connection(this, channel, new ClientAddress(ip(peer.getAddress()), peer.getPort()));
            idleQueue.arm(connection, now);
            // The request usually arrives with the connection: read it now rather than after another select,
            // and register only what is still open afterwards (a Connection: close exchange never is).
            connection.onReadable(now);
            connection.register(selector);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "new connection failed: " + e);
            if (connection != null) {
                connection.close();
            } else {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to do for a connection we never served
                }
                shared.releaseSlot();
            }
        }
    }

    /** The peer's address as text; the last one is remembered, since a client usually opens many connections. */
    private String ip(InetAddress address) {
        if (!address.equals(lastAddress)) {
            lastAddress = address;
            lastIp = address.getHostAddress();
        }
        return lastIp;
    }

    /** While stopping: close what is idle at once, let the busy finish within the grace, then close all. */
    private boolean continueStopping(long now) {
        if (!stopSeen) {
            stopSeen = true;
            graceEndNanos = now + shared.settings().shutdownGrace().toNanos();
            acceptKey.cancel();
            forEachConnection(connection -> {
                if (connection.idle()) {
                    connection.close();
                }
            });
        }
        if (now - graceEndNanos >= 0) {
            closeAll();
        }
        return hasConnections();
    }

    private boolean hasConnections() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection && key.isValid()) {
                return true;
            }
        }
        return false;
    }

    private void closeAll() {
        forEachConnection(Connection::close);
    }

    private void forEachConnection(java.util.function.Consumer<Connection> action) {
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            if (key.attachment() instanceof Connection connection) {
                action.accept(connection);
            }
        }
    }

    /** Wakes the loop from another thread (stop only: never on the request path). */
    void wakeup() {
        selector.wakeup();
    }

    // ---- what connections borrow from their loop --------------------------------------------

    RequestReader lendReader() {
        RequestReader reader = readers.poll();
        return reader != null ? reader : new RequestReader(shared.settings());
    }

    void returnReader(RequestReader reader) {
        readers.push(reader);
    }

    void busyChanged(int delta) {
        if (delta != 0) {
            busy += delta; // written by this loop only; read by tests and monitoring
        }
    }

    int busy() {
        return busy;
    }

    void closed(Connection connection) {
        shared.releaseSlot();
    }

    void record(ClientAddress client, Connection.Answered a, long endNanos) {
        Duration duration = Duration.ofNanos(endNanos - a.startNanos());
        AccessLogEntry entry;
        if (a.request() != null) {
            Request r = a.request();
            entry = new AccessLogEntry(r.receivedAt(), client.ip(), client.port(), r.method(), r.target(),
                    versionText(r.version()), a.status(), a.bytes(), duration, r.headers().first("User-Agent").orElse(""));
        } else {
            RequestReader.Rejected r = a.rejected();
            entry = new AccessLogEntry(r.error().receivedAt(), client.ip(), client.port(), r.method(), r.target(),
                    r.version(), a.status(), a.bytes(), duration, r.userAgent());
        }
        shared.log().record(entry);
    }

    /** The version as text, without building a string for the common ones. */
    private static String versionText(HttpVersion version) {
        if (version.major() == 1) {
            if (version.minor() == 1) {
                return HTTP_1_1;
            }
            if (version.minor() == 0) {
                return HTTP_1_0;
            }
        }
        return version.toString();
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    ReadBuffer bytes() {
        return bytes;
    }

    ByteBuffer out() {
        return out;
    }

    ResponseWriter writer() {
        return writer;
    }

    List<Connection.Answered> answered() {
        return answered;
    }

    ServeRequest service() {
        return shared.service();
    }

    ContentSource<FileChannel> content() {
        return shared.content();
    }

    InstantSource clock() {
        return shared.clock();
    }

    boolean stopping() {
        return shared.stopping();
    }

    DeadlineQueue idleQueue() {
        return idleQueue;
    }

    DeadlineQueue headQueue() {
        return headQueue;
    }

    DeadlineQueue writeQueue() {
        return writeQueue;
    }

    DeadlineQueue lingerQueue() {
        return lingerQueue;
    }
}
