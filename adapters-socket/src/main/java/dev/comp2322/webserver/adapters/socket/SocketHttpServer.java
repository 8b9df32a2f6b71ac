package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.port.in.ServeRequest;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import dev.comp2322.webserver.domain.port.out.ContentSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The HTTP/1.1 wire: {@link WireSettings#ioThreads()} event loops, each a thread with a selector
 * owning its connections (see {@link EventLoop} and the module README); every decision is the
 * {@link ServeRequest}'s.
 *
 * <p>At {@link WireSettings#maxConnections()} open connections the loops stop accepting; new peers
 * wait in the kernel's listen backlog ({@value #BACKLOG}, capped by {@code net.core.somaxconn}) and
 * are served when a slot frees, or time out in their own connect. Nothing is queued in the server's memory.
 */
public final class SocketHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SocketHttpServer.class.getName());
    private static final int BACKLOG = 1024;
    /** After the grace period every connection is closed; the loops then end at once, so this wait is short. */
    private static final Duration FORCED_CLOSE_WAIT = Duration.ofSeconds(5);

    /** What every loop of one server shares: the ports, the settings, the connection count and the stop flag. */
    record Shared(ServeRequest service, ContentSource<FileChannel> content, AccessLog log, InstantSource clock,
            WireSettings settings, AtomicInteger open, StopFlag stop) {

        boolean stopping() {
            return stop.raised;
        }

        /** Counts a connection about to be accepted; false at the limit. */
        boolean reserveSlot() {
            int now;
            do {
                now = open.get();
                if (now >= settings.maxConnections()) {
                    return false;
                }
            } while (!open.compareAndSet(now, now + 1));
            return true;
        }

        void releaseSlot() {
            open.decrementAndGet();
        }

        boolean hasRoom() {
            return open.get() < settings.maxConnections();
        }
    }

    /** Raised once by stop(); read by the loops once per turn. */
    static final class StopFlag {
        private volatile boolean raised;
    }

    private final Shared shared;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ServerSocketChannel listener;
    private boolean started;
    private boolean stopped;

    /**
     * @param service  decides every response
     * @param content  the bytes behind the file handles the service's responses carry
     * @param log      receives one entry per completed response
     * @param settings limits, timeouts and threads
     * @param clock    when each request arrived (read once per request)
     */
    public SocketHttpServer(ServeRequest service, ContentSource<FileChannel> content, AccessLog log,
            WireSettings settings, InstantSource clock) {
        this.shared = new Shared(Objects.requireNonNull(service, "service"), Objects.requireNonNull(content, "content"),
                Objects.requireNonNull(log, "log"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(settings, "settings"), new AtomicInteger(), new StopFlag());
    }

    /**
     * Binds and starts the loops.
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
                channel.configureBlocking(false);
                for (int i = 0; i < shared.settings().ioThreads(); i++) {
                    loops.add(new EventLoop(shared, channel));
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            started = true;
            listener = channel;
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            for (int i = 0; i < loops.size(); i++) {
                // Platform, non-daemon: a started server keeps the JVM alive until stop().
                threads.add(Thread.ofPlatform().name("http-loop-" + local.getPort() + "-" + i).start(loops.get(i)));
            }
            return local;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops: closes the listener and idle connections at once, lets in-flight exchanges finish within
     * {@link WireSettings#shutdownGrace()}, then closes every remaining connection and waits for the
     * loops to end. Idempotent; a server that was never started just stays stopped.
     */
    public void stop() {
        lifecycle.lock();
        try {
            if (stopped || !started) {
                stopped = true;
                return;
            }
            stopped = true;
            shared.stop().raised = true;
            try {
                listener.close(); // new peers are refused from now on
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing the listener: " + e);
            }
            loops.forEach(EventLoop::wakeup);
            Duration wait = shared.settings().shutdownGrace().plus(FORCED_CLOSE_WAIT);
            for (Thread thread : threads) {
                joinUninterruptibly(thread, wait);
            }
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
        return shared.open().get();
    }

    /** How many connections are in the middle of an exchange now (for tests and monitoring). */
    int busyConnections() {
        int busy = 0;
        for (EventLoop loop : loops) {
            busy += loop.busy();
        }
        return busy;
    }

    /** True once stop() has ended every thread this server started. */
    boolean terminated() {
        lifecycle.lock();
        try {
            return stopped && threads.stream().noneMatch(Thread::isAlive);
        } finally {
            lifecycle.unlock();
        }
    }

    private static void joinUninterruptibly(Thread thread, Duration wait) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + wait.toNanos();
        while (thread.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.log(System.Logger.Level.WARNING, thread.getName() + " still running after stop");
                break;
            }
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
