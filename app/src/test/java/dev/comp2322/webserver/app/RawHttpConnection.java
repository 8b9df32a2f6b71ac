package dev.comp2322.webserver.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One client connection over a real loopback socket, writing requests as raw text and reading
 * responses the way curl does (head up to the empty line, then Content-Length bytes unless the response
 * has no body). Every read has a timeout, so a broken server fails the test instead of hanging it.
 */
final class RawHttpConnection implements AutoCloseable {

    /** A parsed response: status code, header fields (names lower-cased), body. */
    record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawHttpConnection(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 5_000);
        socket.setSoTimeout(5_000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    void send(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads one response; {@code bodyExpected} is false for the answer to HEAD (RFC 9110 §9.3.2). */
    RawResponse read(boolean bodyExpected) throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        // RFC 9112 §6.3: HEAD and 304 responses have no content, whatever Content-Length says.
        boolean hasBody = bodyExpected && status != 304 && status >= 200;
        int length = hasBody ? Integer.parseInt(headers.getOrDefault("content-length", "0")) : 0;
        return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** True when the server has closed its side: the next read sees end of stream. */
    boolean closedByServer() throws IOException {
        return in.read() == -1;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed after " + head.size() + " bytes of a response head");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
