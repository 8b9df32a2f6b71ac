package dev.comp2322.webserver.adapters.socket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal HTTP/1.1 client over a raw socket, for wire-level tests; every read has a timeout. */
final class RawClient implements AutoCloseable {

    /** A response as received: status, fields (lower-case names), body text and its raw byte count. */
    record Reply(int status, Map<String, String> headers, String body, long bytes) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    static final int READ_TIMEOUT_MILLIS = 5000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(InetSocketAddress server) throws IOException {
        this(server, 0);
    }

    /** A client whose receive buffer is {@code receiveBuffer} bytes (0 = system default). */
    RawClient(InetSocketAddress server, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(server, READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one response with a Content-Length body (none for HEAD when {@code head} is true). */
    Reply read(boolean head) throws IOException {
        long[] count = {0};
        String statusLine = readLine(count);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(count); !line.isEmpty(); line = readLine(count)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        return new Reply(Integer.parseInt(statusLine.substring(9, 12)), headers,
                new String(body, StandardCharsets.ISO_8859_1), count[0] + length);
    }

    Reply read() throws IOException {
        return read(false);
    }

    /** Reads everything until the server closes. */
    byte[] readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (SocketException reset) {
            // a reset after the data counts as the end
        }
        return all.toByteArray();
    }

    /** True when the server has closed: the next read sees end of stream (or a reset) within the timeout. */
    boolean serverClosed() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private String readLine(long[] count) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed mid-head after: " + line);
            }
            count[0]++;
            if (b == '\n') {
                int end = line.length() - (line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? 1 : 0);
                return line.substring(0, end);
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
