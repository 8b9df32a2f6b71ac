package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many connections at once, every byte checked. Small on purpose: a correctness test, not a benchmark. */
@Timeout(60)
class LoadTest {

    private static final int CONNECTIONS = 200;
    private static final int REQUESTS = 50;

    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twoHundredConcurrentConnectionsOfFiftyRequestsEachGetByteExactAnswers() throws Exception {
        List<Future<Integer>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CONNECTIONS; c++) {
                int id = c;
                clients.add(pool.submit(() -> runClient(id)));
            }
            int exact = 0;
            for (Future<Integer> client : clients) {
                exact += client.get();
            }
            assertThat(exact).isEqualTo(CONNECTIONS * REQUESTS);
        }
        server.awaitNoConnections();
        assertThat(server.log.size()).as("one log entry per response").isEqualTo(CONNECTIONS * REQUESTS);
    }

    private int runClient(int id) throws IOException {
        int exact = 0;
        try (RawClient client = server.connect()) {
            InputStream in = client.socket().getInputStream();
            for (int r = 0; r < REQUESTS; r++) {
                String target = "/c" + id + "/r" + r;
                boolean last = r == REQUESTS - 1;
                client.send("GET " + target + " HTTP/1.1\r\nHost: a\r\n" + (last ? "Connection: close\r\n" : "") + "\r\n");
                String body = "hello " + target;
                String expected = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n"
                        + (last ? "Connection: close\r\n" : "") + "\r\n" + body;
                byte[] received = in.readNBytes(expected.length());
                if (new String(received, StandardCharsets.ISO_8859_1).equals(expected)) {
                    exact++;
                }
            }
            return client.serverClosed() ? exact : -1; // the last request asked to close
        }
    }
}
