package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.port.in.ServeRequest;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The HTTP/1.1 wire: one platform thread accepts connections, each connection is served by a
 * blocking loop on its own virtual thread, and every decision is the {@link ServeRequest}'s.
 *
 * <p>At {@link WireSettings#maxConnections()} open connections the accept loop waits for one to
 * end; meanwhile new peers wait in the kernel's listen backlog ({@value #BACKLOG}, capped by
 * {@code net.core.somaxconn}) and are served when a slot frees, or time out in their own connect.
 * Nothing is queued in the server's memory.
 */
public final class SocketHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SocketHttpServer.class.getName());
    private static final int BACKLOG = 1024;
    private static final long ACCEPT_BACKOFF_NANOS = Duration.ofMillis(50).toNanos();
    /** After the grace period every channel is closed; threads then end at once, so this wait is short. */
    private static final Duration FORCED_CLOSE_WAIT = Duration.ofSeconds(5);

    private final ServeRequest service;
    private final ContentOpener opener;
    private final AccessLog log;
    private final WireSettings settings;
    private final Connections connections;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private ServerSocketChannel listener;
    private Thread acceptor;
    private ExecutorService workers;
    private ScheduledExecutorService sweeper;
    private boolean started;
    private boolean stopped;

    public SocketHttpServer(ServeRequest service, ContentOpener opener, AccessLog log, WireSettings settings) {
        this.service = Objects.requireNonNull(service, "service");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.log = Objects.requireNonNull(log, "log");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connections = new Connections(settings.maxConnections());
    }

    /**
     * Binds and starts accepting.
     *
     * @param bind the address to listen on; port 0 picks any free port
     * @return the address actually bound
     * @throws IOException when the address can't be bound (e.g. the port is in use)
     */
    public InetSocketAddress start(InetSocketAddress bind) throws IOException {
        lifecycle.lock();
        try {
            if (started) {
                throw new IllegalStateException("the server was already started");
            }
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(bind, BACKLOG);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            started = true;
            listener = channel;
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-connection-", 0).factory());
            sweeper = DeadlineSweeper.start(connections, settings);
            acceptor = Thread.ofPlatform().name("http-accept-" + local.getPort()).start(this::acceptLoop);
            return local;
        } finally {
            lifecycle.unlock();
        }
    }

    private void acceptLoop() {
        while (!connections.stopping()) {
            try {
                connections.acquireSlot();
            } catch (InterruptedException stopping) {
                return;
            }
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException closed) {
                connections.releaseSlot();
                return; // stop() closed the listener
            } catch (IOException e) {
                connections.releaseSlot();
                // e.g. out of file descriptors: say so, back off briefly, keep serving the others.
                LOG.log(System.Logger.Level.WARNING, "accept failed: " + e.getMessage());
                LockSupport.parkNanos(ACCEPT_BACKOFF_NANOS);
                continue;
            }
            serve(channel);
        }
    }

    private void serve(SocketChannel channel) {
        HttpConnection connection = new HttpConnection(channel, service, opener, log, settings, connections);
        connections.add(connection);
        try {
            // Nagle + delayed ACK would hold a small response back ~40 ms when the head and body go out apart.
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            workers.execute(connection);
        } catch (IOException | RejectedExecutionException e) {
            connection.close();
            connections.remove(connection);
        }
    }

    /**
     * Stops: closes the listener and idle connections at once, lets in-flight exchanges finish within
     * {@link WireSettings#shutdownGrace()}, then closes every remaining connection and waits for all
     * threads to end. Idempotent; a server that was never started just stays stopped.
     */
    public void stop() {
        lifecycle.lock();
        try {
            if (stopped || !started) {
                stopped = true;
                return;
            }
            stopped = true;
            connections.beginStopping();
            closeListener();
            acceptor.interrupt();
            joinUninterruptibly(acceptor);
            connections.closeIdle(); // any accepted while the acceptor was stopping
            workers.shutdown();
            if (!awaitTermination(workers, settings.shutdownGrace())) {
                connections.closeAll();
                if (!awaitTermination(workers, FORCED_CLOSE_WAIT)) {
                    LOG.log(System.Logger.Level.WARNING, "connection threads still running after stop");
                }
            }
            sweeper.shutdownNow();
            awaitTermination(sweeper, FORCED_CLOSE_WAIT);
        } finally {
            lifecycle.unlock();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** How many connections are open now (for tests and monitoring). */
    int openConnections() {
        return connections.size();
    }

    /** How many connections are in the middle of an exchange now (for tests and monitoring). */
    int busyConnections() {
        return connections.busy();
    }

    /** True once stop() has ended every thread this server started. */
    boolean terminated() {
        lifecycle.lock();
        try {
            return stopped && (!started || (workers.isTerminated() && sweeper.isTerminated() && !acceptor.isAlive()));
        } finally {
            lifecycle.unlock();
        }
    }

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing the listener: " + e);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitTermination(ExecutorService executor, Duration timeout) {
        try {
            return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return executor.isTerminated();
        }
    }
}
