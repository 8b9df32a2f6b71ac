package dev.comp2322.conformance.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that wastes a client's time the ways real student servers did (issue 9 §5): it answers
 * nothing, hangs on every other request, or answers with bare LF, no Content-Length and never closes.
 * It serves the installed fixture when it answers. Binds 127.0.0.1 on port 0, one virtual thread per
 * connection, and closes every socket in {@link #close()}.
 */
final class MisbehavingServer implements AutoCloseable {
    /** How it misbehaves. */
    enum Mode {
        /** Accepts and reads, never sends a byte. */
        SILENT,
        /** Every other request (counted across connections) is read and never answered. */
        HANGS_EVERY_OTHER,
        /** Bare LF line ends, no Content-Length, ignores Connection: close and never closes. */
        BARE_LF_UNTERMINATED
    }

    private final Mode mode;
    private final Path root;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    MisbehavingServer(Mode mode, Path root) throws IOException {
        this.mode = mode;
        this.root = root;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("misbehaving-accept").start(this::acceptLoop);
    }

    String uri() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;   // the listener was closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                if (mode == Mode.SILENT
                        || (mode == Mode.HANGS_EVERY_OTHER && requests.incrementAndGet() % 2 == 1)) {
                    drainUntilClosed(in);
                    return;
                }
                String[] line = head.split("\r?\n", 2)[0].split(" ");
                boolean headMethod = line[0].equals("HEAD");
                byte[] body = line.length < 2 ? null : file(line[1]);
                if (mode == Mode.BARE_LF_UNTERMINATED) {
                    String status = body == null ? "404 Not Found" : "200 OK";
                    byte[] content = body == null ? "<h1>404</h1>".getBytes(StandardCharsets.US_ASCII) : body;
                    out.write(("HTTP/1.1 " + status + "\nContent-Type: " + type(line) + "\n\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    if (!headMethod) {
                        out.write(content);
                    }
                    out.flush();
                    continue;   // never closes, whatever the request said
                }
                byte[] content = body == null ? "<h1>404</h1>".getBytes(StandardCharsets.US_ASCII) : body;
                out.write(("HTTP/1.1 " + (body == null ? "404 Not Found" : "200 OK") + "\r\nContent-Type: "
                        + type(line) + "\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                if (!headMethod) {
                    out.write(content);
                }
                out.flush();
                return;
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            sockets.remove(socket);
        }
    }

    private byte[] file(String target) {
        String path = target.split("\\?", 2)[0];
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path.endsWith("/")) {
            path += "index.html";
        }
        try {
            Path file = root.resolve(path.substring(1)).normalize();
            return file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException | RuntimeException e) {
            return null;   // a NUL or another name no file can have
        }
    }

    private static String type(String[] line) {
        String target = line.length < 2 ? "" : line[1].split("\\?", 2)[0];
        if (target.endsWith(".png")) {
            return "image/png";
        }
        if (target.endsWith(".jpg")) {
            return "image/jpeg";
        }
        if (target.endsWith(".gif")) {
            return "image/gif";
        }
        if (target.endsWith(".txt")) {
            return "text/plain";
        }
        if (target.endsWith(".bin")) {
            return "application/octet-stream";
        }
        return "text/html";
    }

    /** The request head up to its empty line (LF or CRLF), or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lineLength = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (b == '\n') {
                if (lineLength == 0) {
                    if (head.size() <= 2) {
                        head.reset();   // a stray line end before the request line
                        continue;
                    }
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
    }

    private static void drainUntilClosed(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        while (in.read(sink) >= 0) {
            // hold the connection open, saying nothing, until the client gives up
        }
    }

    @Override
    public void close() throws IOException {
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
