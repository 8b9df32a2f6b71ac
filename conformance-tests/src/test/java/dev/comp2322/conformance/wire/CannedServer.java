package dev.comp2322.conformance.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** Accepts one connection on a free loopback port, writes canned bytes, then closes or stays silent until closed. */
final class CannedServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);

    CannedServer(String response, boolean closeAfter) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> serve(response.getBytes(StandardCharsets.ISO_8859_1), closeAfter));
    }

    private void serve(byte[] bytes, boolean closeAfter) {
        try (Socket socket = listener.accept()) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            if (!closeAfter) {
                done.await();
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    Target target() {
        return new Target("127.0.0.1", listener.getLocalPort(), "");
    }

    @Override
    public void close() throws IOException {
        done.countDown();
        listener.close();
        thread.interrupt();
    }
}
