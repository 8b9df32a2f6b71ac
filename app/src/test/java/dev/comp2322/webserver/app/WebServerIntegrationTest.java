package dev.comp2322.webserver.app;

import dev.comp2322.webserver.adapters.socket.WireSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.app.RawHttpConnection.RawResponse;
import dev.comp2322.webserver.domain.rules.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real domain, file system and CSV log wired by {@link WebServer}, in process, over real loopback
 * sockets on a free port: the exchanges curl makes, and what ends up in Log.csv and on the console.
 */
@Timeout(30)
class WebServerIntegrationTest {

    private static final String INDEX = "<!DOCTYPE html><title>home</title><p>hello</p>\n";

    @TempDir
    Path dir;

    private Path log;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        Path root = Files.createDirectory(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), INDEX);
        Files.writeString(root.resolve("notes.txt"), "plain text\n");
        Files.writeString(Files.createDirectory(root.resolve("docs")).resolve("index.html"), "<p>docs</p>");
        log = dir.resolve("Log.csv");
        ServerOptions options = new ServerOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), root, log,
                Profile.COURSE, WireSettings.builder().maxConnections(100).build(), false);
        server = WebServer.start(options, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private RawHttpConnection connect() throws IOException {
        return new RawHttpConnection(server.address());
    }

    private static String get(String target, String... extraFields) {
        return request("GET", target, extraFields);
    }

    private static String request(String method, String target, String... extraFields) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n");
        for (String field : extraFields) {
            request.append(field).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    private List<String> logRecords() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("timestamp,client_ip,client_port,method,target,version,status,bytes,duration_ms,user_agent");
        return lines.subList(1, lines.size());
    }

    @Test
    void bannerNamesTheRootTheRealPortTheLogAndTheProfile() {
        assertThat(server.address().getPort()).isPositive();
        assertThat(server.banner()).isEqualTo("Serving " + dir.resolve("www").toAbsolutePath() + " on http://127.0.0.1:"
                + server.address().getPort() + "/ (log " + log.toAbsolutePath() + ", profile course)");
    }

    @Test
    void givenTheRoot_whenGet_thenTheIndexPageIsServed() throws IOException {
        try (RawHttpConnection connection = connect()) {
            connection.send(get("/"));

            RawResponse response = connection.read(true);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(INDEX);
            assertThat(response.header("Content-Type")).startsWith("text/html");
            assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(INDEX.length()));
        }
    }

    @Test
    void givenHead_whenAnswered_thenSameFieldsAsGetAndNoBody() throws IOException {
        try (RawHttpConnection connection = connect()) {
            connection.send(request("HEAD", "/notes.txt") + get("/notes.txt"));

            RawResponse head = connection.read(false);
            RawResponse getResponse = connection.read(true);

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.header("Content-Length")).isEqualTo("11");
            assertThat(head.header("ETag")).isEqualTo(getResponse.header("ETag"));
            assertThat(head.header("Content-Type")).isEqualTo(getResponse.header("Content-Type"));
            // The GET right behind the HEAD parses cleanly only if the HEAD sent no body bytes.
            assertThat(getResponse.body()).isEqualTo("plain text\n");
        }
    }

    @Test
    void givenTheCurrentEtag_whenGetIfNoneMatch_then304WithoutBody() throws IOException {
        try (RawHttpConnection connection = connect()) {
            connection.send(get("/notes.txt"));
            String etag = connection.read(true).header("ETag");

            connection.send(get("/notes.txt", "If-None-Match: " + etag));
            RawResponse notModified = connection.read(true);

            assertThat(etag).isNotEmpty();
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.header("ETag")).isEqualTo(etag);
            assertThat(notModified.header("Content-Type")).isEmpty();
        }
    }

    @Test
    void givenAFutureIfModifiedSince_whenGet_then304() throws IOException {
        try (RawHttpConnection connection = connect()) {
            connection.send(get("/notes.txt", "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT"));

            assertThat(connection.read(true).status()).isEqualTo(304);
        }
    }

    @Test
    void givenAMissingFile_whenGet_then404WithAnHtmlPage() throws IOException {
        try (RawHttpConnection connection = connect()) {
            connection.send(get("/no-such-file.html"));

            RawResponse response = connection.read(true);

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("text/html");
            assertThat(response.body()).contains("404");
        }
    }

    @Test
    void givenKeepAlive_whenSeveralRequestsOnOneConnection_thenEachIsAnsweredAndCloseEndsIt() throws IOException {
        try (RawHttpConnection connection = connect()) {
            connection.send(get("/"));
            RawResponse first = connection.read(true);
            connection.send(get("/docs/"));
            RawResponse second = connection.read(true);
            connection.send(get("/notes.txt", "Connection: close"));
            RawResponse last = connection.read(true);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Connection")).isNotEqualToIgnoringCase("close");
            assertThat(second.body()).isEqualTo("<p>docs</p>");
            assertThat(last.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void givenThreeExchanges_whenStopped_thenLogCsvHasThreeRecordsAndTheConsoleThreeLines() throws IOException {
        try (RawHttpConnection connection = connect()) {
            connection.send(get("/") + request("HEAD", "/notes.txt") + get("/missing", "Connection: close"));
            connection.read(true);
            connection.read(false);
            connection.read(true);
        }

        server.stop();

        assertThat(logRecords()).hasSize(3)
                .satisfiesExactly(
                        record -> assertThat(record).contains(",GET,/,HTTP/1.1,200,"),
                        record -> assertThat(record).contains(",HEAD,/notes.txt,HTTP/1.1,200,"),
                        record -> assertThat(record).contains(",GET,/missing,HTTP/1.1,404,"));
        assertThat(console.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).contains(" GET /missing → 404 "));
    }

    @Test
    void givenAStoppedServer_whenStoppedAgain_thenNothingHappens() {
        server.stop();

        server.stop();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
