package dev.comp2322.webserver.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The workload that trains the JDK's AOT cache at package time (app/pom.xml, execution
 * {@code aot-training}): the server started exactly as {@code java -jar webserver.jar} starts it, a few
 * typical exchanges, then a stop as after SIGTERM. The JVM records the classes this loads and links
 * (and the profiles it gathers) into {@code app/target/webserver.aot}, which {@code app/jvm.options}
 * names, so a real start finds them ready.
 *
 * <p>Not for people: its output goes nowhere, and it exits (0) when done, or 1 if the server never
 * answered. Arguments: the document root and the log file to use.
 */
final class AotTraining {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int ROUNDS = 20;

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AotTraining ROOT LOG");
            System.exit(2);
        }
        int port = freePort();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Thread.ofPlatform().daemon().name("aot-training-server").start(() -> WebServerCommand.run(nowhere, nowhere,
                "--port", Integer.toString(port), "--root", args[0], "--log", args[1]));
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        boolean answered = false;
        while (!answered && System.nanoTime() < deadline) {
            answered = exchange(port, "GET / HTTP/1.1\r\nHost: training\r\nConnection: close\r\n\r\n");
            if (!answered) {
                LockSupport.parkNanos(5_000_000); // a poll interval while the server starts
            }
        }
        for (int i = 0; answered && i < ROUNDS; i++) {
            // One keep-alive connection with the common cases pipelined: 200, 304, HEAD, 404, 400, close.
            exchange(port, """
                    GET /index.html HTTP/1.1\r
                    Host: training\r
                    \r
                    GET /index.html HTTP/1.1\r
                    Host: training\r
                    If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r
                    \r
                    HEAD /style.css HTTP/1.1\r
                    Host: training\r
                    \r
                    GET /images/photo.jpg HTTP/1.1\r
                    Host: training\r
                    \r
                    GET /no-such-file HTTP/1.1\r
                    Host: training\r
                    Connection: close\r
                    \r
                    """);
            exchange(port, "GET /%zz HTTP/1.0\r\n\r\n");
        }
        // Exit runs the server's shutdown hook: a graceful stop, as after SIGTERM.
        System.exit(answered ? 0 : 1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Sends {@code requests} and reads until the server closes; false if it could not connect. */
    private static boolean exchange(int port, String requests) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // drain until the server closes the connection
            }
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
