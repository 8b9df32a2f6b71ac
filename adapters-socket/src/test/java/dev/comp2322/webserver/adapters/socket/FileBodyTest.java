package dev.comp2322.webserver.adapters.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import dev.comp2322.webserver.domain.port.out.ContentSource;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileBodyTest {

    private static final int LARGE = 3 << 20;

    @TempDir
    Path dir;

    private TestServer server;
    private byte[] large;
    private Path largeFile;

    @BeforeEach
    void start() throws IOException {
        large = new byte[LARGE];
        new Random(42).nextBytes(large);
        largeFile = Files.write(dir.resolve("large.bin"), large);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSmallFileIsSentByteExactWithItsHeadAndLogged() throws IOException {
        server = TestServer.start();
        server.service.file("/small.txt", Files.writeString(dir.resolve("small.txt"), "small file\n"));
        try (RawClient client = server.connect()) {
            client.send("GET /small.txt HTTP/1.1\r\nHost: a\r\n\r\n");

            RawClient.Reply reply = client.read();

            assertThat(reply.body()).isEqualTo("small file\n");
            Await.until("the exchange is logged", Duration.ofSeconds(5), () -> server.log.size() == 1);
            assertThat(server.log.entries().getFirst().bytesSent()).isEqualTo(reply.bytes());
        }
    }

    @Test
    void aLargeFileIsStreamedByteExact() throws IOException {
        server = TestServer.start();
        server.service.file("/large.bin", largeFile);
        try (RawClient client = server.connect()) {
            client.send("GET /large.bin HTTP/1.1\r\nHost: a\r\n\r\n");

            RawClient.Reply reply = client.read();

            assertThat(reply.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(large);
            client.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(client.read().body()).as("the connection is still in step").isEqualTo("hello /after");
            Await.until("both exchanges are logged", Duration.ofSeconds(5), () -> server.log.size() == 2);
            assertThat(server.log.entries().getFirst().bytesSent()).isEqualTo(reply.bytes());
        }
    }

    @Test
    void headOfALargeFileSendsNoBody() throws IOException {
        server = TestServer.start();
        server.service.file("/large.bin", largeFile);
        try (RawClient client = server.connect()) {
            client.send("HEAD /large.bin HTTP/1.1\r\nHost: a\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(client.read(true).header("Content-Length")).isEqualTo(Integer.toString(LARGE));
            assertThat(client.read().body()).isEqualTo("hello /next");
        }
    }

    @Test
    void aFileDeletedBeforeItIsOpenedIsAnswered404() throws IOException {
        Path doomed = Files.writeString(dir.resolve("doomed.txt"), "soon gone");
        ContentSource<FileChannel> deletingSource = handle -> {
            try {
                Files.deleteIfExists(doomed); // the file vanishes between the lookup and the send
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ContentSource.Gone<>();
        };
        server = TestServer.start(WireSettings.builder().shutdownGrace(Duration.ofSeconds(2)).build(), deletingSource);
        server.service.file("/doomed.txt", doomed);
        try (RawClient client = server.connect()) {
            client.send("GET /doomed.txt HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(client.read().status()).isEqualTo(404);
        }
        assertThat(server.service.serveCalls).hasValue(2);
    }

    @Test
    void aLargeFileAlreadyShorterThanPromisedIsNeverSentWithAWrongLength() throws IOException {
        server = TestServer.start();
        server.service.lyingFile("/shrunk.bin", largeFile, LARGE + 1000L);
        try (RawClient client = server.connect()) {
            client.send("GET /shrunk.bin HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(client.readToEnd()).as("nothing at all rather than a lie").isEmpty();
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).isEmpty();
    }

    @Test
    void aLargeFileThatShrinksMidResponseClosesTheConnectionAndIsNotLogged() throws IOException {
        Path shrinking = dir.resolve("shrinking.bin");
        try (RandomAccessFile file = new RandomAccessFile(shrinking.toFile(), "rw")) {
            file.setLength(64L << 20); // far more than the socket buffers hold, so the response is mid-way
        }
        server = TestServer.start();
        server.service.file("/shrinking.bin", shrinking);
        try (RawClient client = new RawClient(server.address, 4096)) {
            client.send("GET /shrinking.bin HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(client.socket().getInputStream().readNBytes(1000)).hasSize(1000);

            try (RandomAccessFile file = new RandomAccessFile(shrinking.toFile(), "rw")) {
                file.setLength(32L << 20);
            }

            assertThat(1000L + client.readToEnd().length).as("cut off, never padded").isLessThan(64L << 20);
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).isEmpty();
    }

    @Test
    void aSmallFileShorterThanPromisedIsNeverSentWithAWrongLength() throws IOException {
        server = TestServer.start();
        server.service.lyingFile("/shrunk.txt", Files.writeString(dir.resolve("shrunk.txt"), "short"), 100);
        try (RawClient client = server.connect()) {
            client.send("GET /shrunk.txt HTTP/1.1\r\nHost: a\r\n\r\n");

            assertThat(client.readToEnd()).as("nothing at all rather than a lie").isEmpty();
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).isEmpty();
    }

    @Test
    void aClientDisconnectingMidBodyCostsOnlyItsOwnConnection() throws IOException {
        server = TestServer.start();
        server.service.file("/large.bin", largeFile);
        try (RawClient quitter = new RawClient(server.address, 4096); RawClient other = server.connect()) {
            quitter.send("GET /large.bin HTTP/1.1\r\nHost: a\r\n\r\n");
            InputStream in = quitter.socket().getInputStream();
            assertThat(in.readNBytes(1000)).hasSize(1000);
            quitter.socket().setSoLinger(true, 0); // reset, as a crashing browser would
            quitter.close();

            other.send("GET /large.bin HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(other.read().body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(large);
            other.send("GET /still HTTP/1.1\r\nHost: a\r\n\r\n");
            assertThat(other.read().body()).isEqualTo("hello /still");
        }
        server.awaitNoConnections();
        assertThat(server.log.entries()).as("the cut-off response is not a completed exchange").hasSize(2);
    }

    @Test
    void aClientThatStopsReadingIsCutOffByTheWriteTimeout() throws IOException {
        server = TestServer.start(TestServer.FAST.toBuilder().keepAliveTimeout(Duration.ofSeconds(10)).build());
        // Far more than loopback socket buffers hold, so the server's write must block.
        Path huge = dir.resolve("huge.bin");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(64L << 20);
        }
        server.service.file("/huge.bin", huge);
        try (RawClient stalled = new RawClient(server.address, 4096)) {
            stalled.send("GET /huge.bin HTTP/1.1\r\nHost: a\r\n\r\n");
            Await.until("the request is being answered", Duration.ofSeconds(5), () -> server.service.serveCalls.get() == 1);

            Await.until("the stalled writer is closed", Duration.ofSeconds(5), () -> server.server.openConnections() == 0);

            try (RawClient other = server.connect()) {
                other.send("GET /other HTTP/1.1\r\nHost: a\r\n\r\n");
                assertThat(other.read().body()).isEqualTo("hello /other");
            }
            assertThat(stalled.readToEnd().length).as("cut off before the whole file").isLessThan(64 << 20);
        }
        assertThat(server.log.entries()).extracting("target").containsExactly("/other");
    }
}
