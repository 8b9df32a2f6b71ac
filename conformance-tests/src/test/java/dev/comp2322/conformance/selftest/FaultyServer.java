package dev.comp2322.conformance.selftest;

import dev.comp2322.conformance.ConformanceProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small static-file server for the kit's self-tests: correct by default (it serves the installed fixture
 * and passes every case), with switchable {@link Defect}s. Binds 127.0.0.1 on port 0, one virtual thread per
 * connection, and closes everything in {@link #close()}.
 */
final class FaultyServer implements AutoCloseable {
    private final Set<Defect> defects;
    private final FaultyResponder responder;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread acceptor;

    FaultyServer(Path root, ConformanceProfile profile, Set<Defect> defects) throws IOException {
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
        this.responder = new FaultyResponder(root, profile, this.defects);
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("faulty-accept").start(this::acceptLoop);
    }

    /** The URI the kit should target. */
    String uri() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                if (defects.contains(Defect.DROPS_EXTRA_CONNECTIONS) && active.get() >= 4) {
                    socket.close();
                    continue;
                }
                active.incrementAndGet();
                Runnable connection = () -> {
                    try {
                        new FaultyConnection(socket, defects, responder, this::stall).run();
                    } finally {
                        active.decrementAndGet();
                        sockets.remove(socket);
                    }
                };
                if (defects.contains(Defect.ONE_AT_A_TIME)) {
                    connection.run();
                } else {
                    Thread.ofVirtual().start(connection);
                }
            } catch (IOException e) {
                return;   // the listener was closed
            }
        }
    }

    /** What a server that stopped reading does: nothing, until it is shut down. */
    private void stall() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
