package dev.comp2322.webserver.app.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A raw loopback client that keeps every byte it receives: it reads responses framed by Content-Length
 * (so pipelined answers split where the server said they end), or everything up to end of stream.
 * Every read has a timeout.
 */
final class WireClient implements AutoCloseable {

    static final int READ_TIMEOUT_MS = 10_000;

    /** One response: status, fields (lower-case names), the body bytes that arrived, and whether all did. */
    record Reply(int status, Map<String, String> fields, byte[] body, long contentLength) {
        boolean complete() {
            return body.length == contentLength;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    WireClient(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 5_000);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
        out = socket.getOutputStream();
    }

    WireClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    WireClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response; a HEAD or 304 answer has no body. Empty when the server closed before a head. */
    Optional<Reply> read(boolean head) throws IOException {
        Optional<String> text = readHead();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = text.get().split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            fields.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        long length = head || status == 304 ? 0 : Long.parseLong(fields.getOrDefault("content-length", "0"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[65_536];
        long left = length;
        while (left > 0) {
            int n;
            try {
                n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            } catch (java.net.SocketException reset) {
                n = -1; // a reset mid-body: what arrived is what we judge
            }
            if (n < 0) {
                break;
            }
            body.write(chunk, 0, n);
            left -= n;
        }
        return Optional.of(new Reply(status, fields, body.toByteArray(), length));
    }

    /**
     * Reads one response, running {@code fault} once {@code after} body bytes have arrived (for faults
     * injected mid-body).
     */
    Reply readWith(int after, FaultTest.IoAction fault) throws IOException {
        String[] lines = readHead().orElseThrow(() -> new IOException("closed before a response")).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            fields.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        long length = Long.parseLong(fields.getOrDefault("content-length", "0"));
        byte[] firstPart = in.readNBytes((int) Math.min(after, length));
        fault.run();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(firstPart);
        byte[] chunk = new byte[65_536];
        long left = length - firstPart.length;
        while (left > 0) {
            int n;
            try {
                n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            } catch (java.net.SocketException reset) {
                n = -1;
            }
            if (n < 0) {
                break;
            }
            body.write(chunk, 0, n);
            left -= n;
        }
        return new Reply(status, fields, body.toByteArray(), length);
    }

    /** Reads everything until the server closes (or resets) the connection. */
    byte[] readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[65_536];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                all.write(chunk, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // reset after the server's last bytes: what arrived is what we judge
        }
        return all.toByteArray();
    }

    /** True when the server has closed its side: the next read sees end of stream (or a reset). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private Optional<String> readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b;
            try {
                b = in.read();
            } catch (java.net.SocketException reset) {
                b = -1;
            }
            if (b == -1) {
                if (head.size() == 0) {
                    return Optional.empty();
                }
                throw new IOException("connection closed after " + head.size() + " bytes of a response head");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return Optional.of(text.substring(0, text.length() - 4));
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
