package dev.comp2322.conformance.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks loopback ports for servers the kit starts. The OS gives a free port; the kit remembers every
 * port it handed out, so two submissions run at once ({@code --jobs}) never get the same one.
 */
public final class FreePorts {
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port free right now on 127.0.0.1 that this kit has not handed out before. */
    public static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }
        throw new IllegalStateException("no unused free port on 127.0.0.1 after 100 attempts");
    }
}
