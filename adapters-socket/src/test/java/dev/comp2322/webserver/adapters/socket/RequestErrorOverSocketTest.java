package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class RequestErrorOverSocketTest {

    private static final WireSettings SMALL_LIMITS = WireSettings.builder()
            .maxRequestLineBytes(100)
            .maxHeaderSectionBytes(200)
            .maxHeaderFields(5)
            .maxDiscardedBodyBytes(50)
            .shutdownGrace(Duration.ofSeconds(2)).build();

    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(SMALL_LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void contentLengthWithTransferEncodingIsRejectedAndTheSmuggledRequestGetsNoResponse() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("""
                    POST / HTTP/1.1\r
                    Host: a\r
                    Content-Length: 4\r
                    Transfer-Encoding: chunked\r
                    \r
                    0\r
                    \r
                    GET /smuggled HTTP/1.1\r
                    Host: a\r
                    \r
                    """);

            assertRejectedAndClosed(client, "BAD_FRAMING");
        }
        assertThat(server.service.serveCalls).hasValue(0);
    }

    @ParameterizedTest(name = "Content-Length: \"{0}\"")
    @ValueSource(strings = {"", "+5", "-1", "0x5", "5, 6", "abc"})
    void anInvalidContentLengthIsRejectedAndClosed(String value) throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: " + value + "\r\n\r\nhello");

            assertRejectedAndClosed(client, "BAD_FRAMING");
        }
    }

    @Test
    void twoEqualContentLengthsAreRejected() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello");

            assertRejectedAndClosed(client, "BAD_FRAMING");
        }
    }

    @Test
    void anUnknownTransferCodingIsUnsupported() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n");

            assertRejectedAndClosed(client, "UNSUPPORTED_TRANSFER_CODING");
        }
    }

    @Test
    void aRequestLineOverTheLimitIsRejected() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET /" + "a".repeat(200) + " HTTP/1.1\r\nHost: a\r\n\r\n");

            assertRejectedAndClosed(client, "REQUEST_LINE_TOO_LONG");
        }
    }

    @Test
    void aHeaderSectionOverTheLimitIsRejected() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(300) + "\r\n\r\n");

            assertRejectedAndClosed(client, "HEADER_SECTION_TOO_LARGE");
        }
    }

    @Test
    void moreFieldsThanTheLimitAreRejected() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\n" + "X: 1\r\n".repeat(6) + "\r\n");

            assertRejectedAndClosed(client, "HEADER_SECTION_TOO_LARGE");
        }
    }

    @Test
    void aBodyOverTheDiscardLimitIsRejectedWithoutReadingIt() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 51\r\n\r\n");

            assertRejectedAndClosed(client, "CONTENT_TOO_LARGE");
        }
    }

    @Test
    void aChunkedBodyOverTheDiscardLimitIsRejected() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n33\r\n" + "x".repeat(51) + "\r\n0\r\n\r\n");

            assertRejectedAndClosed(client, "CONTENT_TOO_LARGE");
        }
    }

    @Test
    void aBrokenChunkedBodyIsRejected() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");

            assertRejectedAndClosed(client, "BAD_FRAMING");
        }
    }

    @Test
    void aGarbageRequestIsAnsweredAndLoggedWithEmptyMethodTargetAndVersion() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n");

            assertRejectedAndClosed(client, "MALFORMED_REQUEST_LINE");
        }
        server.awaitNoConnections();
        AccessLogEntry entry = server.log.entries().getFirst();
        assertThat(entry.method()).isEmpty();
        assertThat(entry.target()).isEmpty();
        assertThat(entry.version()).isEmpty();
        assertThat(entry.status()).isEqualTo(400);
    }

    @Test
    void aRejectedRequestIsLoggedWithWhatWasParsedOfIt() throws IOException {
        try (RawClient client = server.connect()) {
            client.send("GET /x HTTP/1.1\r\nUser-Agent: probe\r\nHost : a\r\n\r\n");

            assertRejectedAndClosed(client, "MALFORMED_FIELD");
        }
        server.awaitNoConnections();
        AccessLogEntry entry = server.log.entries().getFirst();
        assertThat(entry).extracting("method", "target", "version", "userAgent")
                .containsExactly("GET", "/x", "HTTP/1.1", "probe");
    }

    private void assertRejectedAndClosed(RawClient client, String kind) throws IOException {
        RawClient.Reply reply = client.read();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("X-Error")).isEqualTo(kind);
        assertThat(client.serverClosed()).as("closed after the error").isTrue();
    }
}
