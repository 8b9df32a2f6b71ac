package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PersistentConnectionTest {

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
    void threePipelinedRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("""
                    GET /one HTTP/1.1\r
                    Host: a\r
                    \r
                    HEAD /two HTTP/1.1\r
                    Host: a\r
                    \r
                    GET /three HTTP/1.1\r
                    Host: a\r
                    \r
                    """);

            assertThat(client.read().body()).isEqualTo("hello /one");
            RawClient.Reply head = client.read(true);
            assertThat(head.header("Content-Length")).isEqualTo("10");
            assertThat(client.read().body()).isEqualTo("hello /three");
        }
    }

    @Test
    void manyPipelinedRequestsToAClientThatReadsOnlyLaterAreAllAnsweredInOrder() throws Exception {
        // More answers than the socket buffers hold: the server must stop reading, keep what it has, and go on later.
        int count = 2000;
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < count; i++) {
            requests.append("GET /").append(i).append('/').append("x".repeat(4000)).append(" HTTP/1.1\r\nHost: a\r\n\r\n");
        }
        try (RawClient client = new RawClient(server.address, 4096)) {
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    client.send(requests.toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (int i = 0; i < count; i++) {
                assertThat(client.read().body()).isEqualTo("hello /" + i + "/" + "x".repeat(4000));
            }
            assertThat(sender.join(java.time.Duration.ofSeconds(10))).isTrue();
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).hasSize(count);
    }

    @Test
    void aSecondRequestOnTheSameConnectionIsServedAfterTheFirst() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET /first HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("hello /first");

            client.send("GET /second HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("hello /second");
        }
    }

    @Test
    void http10WithKeepAliveStaysOpen() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(client.read().header("Connection")).isEqualTo("keep-alive");

            client.send("GET /b HTTP/1.0\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("hello /b");
        }
    }

    @Test
    void http10WithoutKeepAliveIsClosedAfterTheResponse() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET /a HTTP/1.0\r\n\r\n");

            assertThat(client.read().body()).isEqualTo("hello /a");
            assertThat(client.serverClosed()).isTrue();
        }
    }

    @Test
    void connectionCloseClosesAfterTheResponseAndLaterPipelinedRequestsGoUnanswered() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("""
                    GET /last HTTP/1.1\r
                    Host: a\r
                    Connection: close\r
                    \r
                    GET /ignored HTTP/1.1\r
                    Host: a\r
                    \r
                    """);

            assertThat(client.read().body()).isEqualTo("hello /last");
            assertThat(client.serverClosed()).isTrue();
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).extracting("target").containsExactly("/last");
    }

    @Test
    void aBodyOnGetIsDiscardedNotParsedAsTheNextRequest() throws IOException {
        String smuggled = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
        try (RawClient client = server.connect()) {
            client.send("GET /first HTTP/1.1\r\nHost: a\r\nContent-Length: " + smuggled.length() + "\r\n\r\n"
                    + smuggled + "GET /next HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(client.read().body()).isEqualTo("hello /first");
            assertThat(client.read().body()).isEqualTo("hello /next");
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).extracting("target").containsExactly("/first", "/next");
    }

    @Test
    void aChunkedBodyIsDecodedAndDiscarded() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("""
                    GET /first HTTP/1.1\r
                    Host: a\r
                    Transfer-Encoding: chunked\r
                    \r
                    5;ext=1\r
                    GET /\r
                    18\r
                    smuggled HTTP/1.1\r
                    Host:\r
                    0\r
                    Trailer-Field: x\r
                    \r
                    GET /next HTTP/1.1\r
                    Host: a\r
                    \r
                    """);

            assertThat(client.read().body()).isEqualTo("hello /first");
            assertThat(client.read().body()).isEqualTo("hello /next");
        }
    }

    @Test
    void leadingEmptyLinesBeforeAPipelinedRequestAreIgnored() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(client.read().body()).isEqualTo("hello /a");
            assertThat(client.read().body()).isEqualTo("hello /b");
        }
    }
}
