package dev.comp2322.webserver.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.app.reliability.WireClient.Reply;
import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while the whole server runs: clients resetting mid-response; a file truncated, replaced or
 * deleted while it is being sent (the client sees the full body or a correct prefix and a close, never
 * a wrong byte, and the next response is intact); the document root renamed or removed and brought
 * back; the log file replaced by a directory and restored.
 *
 * <p>Shown able to fail: with {@code ResponseWriter} padding a shrunken file instead of closing, or
 * answering the next pipelined request after a short body, the truncation test sees a wrong byte or
 * a second response (reasoned, not tried: that class is being tuned by another engineer).
 */
@Timeout(60)
class FaultTest {

    private static final int BIG = 32 << 20;

    @TempDir
    Path dir;

    private Path root;
    private RealStack server;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectory(dir.resolve("www"));
        Files.writeString(root.resolve("small.txt"), "small\n");
        Files.write(root.resolve("big.bin"), pattern(BIG, 0));
        server = RealStack.start(root, dir.resolve("Log.csv"), RealStack.settings());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] pattern(int length, int salt) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ((i * 31 + salt) % 251);
        }
        return bytes;
    }

    private static void assertPrefixOfPattern(byte[] body, int salt) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] != (byte) ((i * 31 + salt) % 251)) {
                throw new AssertionError("wrong byte at offset " + i + " of " + body.length);
            }
        }
    }

    private Reply get(String target) throws IOException {
        try (WireClient client = server.connect()) {
            return client.send(WireClient.get(target)).read(false).orElseThrow();
        }
    }

    /** Starts a big download pipelined with a small one and reads 1 MiB of the big body, then runs {@code fault}. */
    private void downloadWith(IoAction fault, int salt) throws IOException {
        try (WireClient client = server.connect()) {
            client.send(WireClient.get("/big.bin") + WireClient.get("/small.txt"));
            // Read the big response's head and a first MiB, then apply the fault, then read the rest.
            Reply first = client.readWith(1 << 20, fault);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentLength()).isEqualTo(BIG);
            assertPrefixOfPattern(first.body(), salt);
            if (first.complete()) {
                Reply second = client.read(false).orElseThrow();
                assertThat(second.text()).as("the next response on the connection is intact").isEqualTo("small\n");
            } else {
                assertThat(client.closedByServer()).as("a short body ends the connection").isTrue();
            }
        }
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    @Test
    void clientsResettingMidResponseCostOnlyTheirOwnConnection() throws IOException {
        for (int i = 0; i < 20; i++) {
            WireClient client = server.connect();
            client.send(WireClient.get("/big.bin"));
            client.socket.getInputStream().readNBytes(100_000);
            client.socket.setSoLinger(true, 0); // close sends a reset
            client.close();
        }
        assertThat(get("/small.txt").text()).isEqualTo("small\n");
        server.close(); // everything recorded is now in the file
        assertThat(Files.readString(dir.resolve("Log.csv"))).as("no reset response counts as completed").doesNotContain("/big.bin");
    }

    @Test
    void aFileTruncatedWhileBeingSentIsNeverPaddedOrOverrun() throws IOException {
        downloadWith(() -> {
            try (FileChannel file = FileChannel.open(root.resolve("big.bin"), StandardOpenOption.WRITE)) {
                file.truncate(2 << 20);
            }
        }, 0);
        assertThat(get("/big.bin").contentLength()).as("later requests see the new size").isEqualTo(2 << 20);
    }

    @Test
    void aFileReplacedWhileBeingSentSendsTheOldContentOrAPrefixOfIt() throws IOException {
        Path replacement = Files.write(dir.resolve("replacement.bin"), pattern(BIG, 7));
        downloadWith(() -> Files.move(replacement, root.resolve("big.bin"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE), 0);
        Reply after = get("/big.bin");
        assertThat(after.complete()).isTrue();
        assertPrefixOfPattern(after.body(), 7);
    }

    @Test
    void aFileDeletedWhileBeingSentSendsTheOldContentThenIsGone() throws IOException {
        downloadWith(() -> Files.delete(root.resolve("big.bin")), 0);
        assertThat(get("/big.bin").status()).isEqualTo(404);
    }

    @Test
    void aRenamedRootAnswers404AndWorksAgainWhenItComesBack() throws IOException {
        assertThat(get("/small.txt").status()).isEqualTo(200);
        Path away = Files.move(root, dir.resolve("www-away"));
        assertThat(get("/small.txt").status()).isEqualTo(404);
        assertThat(get("/").status()).isEqualTo(404);
        Files.move(away, root);
        assertThat(get("/small.txt").text()).isEqualTo("small\n");
    }

    @Test
    void aRemovedRootAnswers404AndWorksAgainWhenARootIsBack() throws IOException {
        Files.delete(root.resolve("small.txt"));
        Files.delete(root.resolve("big.bin"));
        Files.delete(root);
        assertThat(get("/small.txt").status()).isEqualTo(404);
        Files.writeString(Files.createDirectory(root).resolve("small.txt"), "back\n");
        assertThat(get("/small.txt").text()).isEqualTo("back\n");
    }

    @Test
    void aLogFileReplacedByADirectoryKeepsTheServerServingAndLoggingResumesWithEarlierRecordsIntact() throws IOException {
        Path log = dir.resolve("Log.csv");
        for (int i = 0; i < 5; i++) {
            assertThat(get("/small.txt?before=" + i).status()).isEqualTo(200);
        }
        awaitRecords(log, 5); // a connection logs just after its last write, which can race our read
        Path earlier = Files.move(log, dir.resolve("Log-earlier.csv"));
        Files.createDirectory(log);
        for (int i = 0; i < 10; i++) {
            assertThat(get("/small.txt?during=" + i).status()).as("served while the log can't be written").isEqualTo(200);
        }
        Files.delete(log);
        for (int i = 0; i < 5; i++) {
            assertThat(get("/small.txt?after=" + i).status()).isEqualTo(200);
        }
        server.close();
        // Any order: each connection logs after its last write, which can race the client's next request.
        assertThat(targets(earlier)).containsExactlyInAnyOrder(
                "/small.txt?before=0", "/small.txt?before=1", "/small.txt?before=2", "/small.txt?before=3", "/small.txt?before=4");
        assertThat(targets(log)).as("logging resumed in a new file").contains("/small.txt?after=4")
                .allMatch(target -> target.startsWith("/small.txt?"));
    }

    private void awaitRecords(Path csv, int count) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Files.readAllLines(csv).size() < 1 + count) {
            assertThat(System.nanoTime()).as("%d records in %s within 5 s", count, csv).isLessThan(deadline);
            LockSupport.parkNanos(5_000_000L); // poll interval, bounded by the deadline above
        }
    }

    private static List<String> targets(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            records.forEach(record -> assertThat(record.isConsistent()).as(record.toString()).isTrue());
            return records.stream().map(record -> record.get("target")).toList();
        }
    }
}
