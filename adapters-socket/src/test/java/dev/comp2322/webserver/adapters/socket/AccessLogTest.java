package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AccessLogTest {

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
    void everyCompletedResponseIsLoggedOnceWithTheBytesActuallySent() throws IOException {
        Instant before = Instant.now();
        RawClient.Reply get;
        RawClient.Reply head;
        int clientPort;
        try (RawClient client = server.connect()) {
            clientPort = client.socket().getLocalPort();
            client.send("GET /page?q=1 HTTP/1.1\r\nHost: a\r\nUser-Agent: test-agent/1.0\r\n\r\n");
            get = client.read();
            client.send("HEAD /page HTTP/1.0\r\n\r\n");
            head = client.read(true);
        }
        server.awaitNoConnections();

        List<AccessLogEntry> entries = server.log.entries();
        assertThat(entries).hasSize(2);
        AccessLogEntry first = entries.get(0);
        assertThat(first).extracting("clientIp", "clientPort", "method", "target", "version", "status", "userAgent")
                .containsExactly("127.0.0.1", clientPort, "GET", "/page?q=1", "HTTP/1.1", 200, "test-agent/1.0");
        assertThat(first.bytesSent()).isEqualTo(get.bytes());
        assertThat(first.timestamp()).isBetween(before, Instant.now());
        assertThat(first.duration()).isPositive().isLessThan(Duration.ofSeconds(5));
        AccessLogEntry second = entries.get(1);
        assertThat(second).extracting("method", "version", "userAgent").containsExactly("HEAD", "HTTP/1.0", "");
        assertThat(second.bytesSent()).as("a HEAD response is its head only").isEqualTo(head.bytes());
    }
}
