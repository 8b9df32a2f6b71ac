package dev.comp2322.webserver.adapters.log;

import static dev.comp2322.webserver.adapters.log.LogFixtures.HEADER_LINE;
import static dev.comp2322.webserver.adapters.log.LogFixtures.awaitChange;
import static dev.comp2322.webserver.adapters.log.LogFixtures.console;
import static dev.comp2322.webserver.adapters.log.LogFixtures.entry;
import static dev.comp2322.webserver.adapters.log.LogFixtures.fastRetries;
import static dev.comp2322.webserver.adapters.log.LogFixtures.nextLine;
import static dev.comp2322.webserver.adapters.log.LogFixtures.records;
import static dev.comp2322.webserver.adapters.log.LogFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures and runtime faults: one clear line, the server keeps going, old rows stay intact. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CsvAccessLogFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("Log.csv");
    }

    @Test
    void aFileInAMissingDirectoryCannotBeOpenedAndTheMessageSaysWhyInOneLine() {
        Path inMissingDir = dir.resolve("no-such-dir").resolve("Log.csv");

        assertThatThrownBy(() -> CsvAccessLog.open(inMissingDir))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot open access log " + inMissingDir + ": No such file or directory");
    }

    @Test
    void aDirectoryCannotBeOpenedAsTheLogFile() {
        assertThatThrownBy(() -> CsvAccessLog.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot open access log " + dir + ": Is a directory");
    }

    @Test
    void aRelativePathIsReportedAbsolute() {
        Path relative = Path.of("no-such-dir-" + System.nanoTime(), "Log.csv");

        assertThatThrownBy(() -> CsvAccessLog.open(relative))
                .hasMessageStartingWith("cannot open access log " + relative.toAbsolutePath())
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDeletedLogFileIsRecreatedWithAHeader() throws Exception {
        try (CsvAccessLog log = CsvAccessLog.open(file(), fastRetries(8192), console()::add)) {
            log.record(entry("/before"));
            awaitChange(dir, WAIT, () -> targets().equals(List.of("/before")));
            Files.delete(file());

            log.record(entry("/after"));

            awaitChange(dir, WAIT, () -> targets().equals(List.of("/after")));
            assertThat(text(file())).startsWith(HEADER_LINE);
        }
    }

    @Test
    void whileTheFileCannotBeWrittenTheWriterSaysSoAndResumesWithNothingLost() throws Exception {
        BlockingQueue<String> console = console();
        try (CsvAccessLog log = CsvAccessLog.open(file(), fastRetries(8192), console::add)) {
            log.record(entry("/before"));
            awaitChange(dir, WAIT, () -> targets().equals(List.of("/before")));
            Files.delete(file());
            Files.createDirectory(file()); // a directory in its place: every reopen fails

            log.record(entry("/during-1"));
            log.record(entry("/during-2"));
            assertThat(nextLine(console, WAIT))
                    .startsWith("access log " + file() + ": write failed (Is a directory); ")
                    .endsWith(" records waiting");

            Files.delete(file());
            assertThat(nextLine(console, WAIT)).isEqualTo("access log " + file() + ": writing again; no records lost");
        }

        assertThat(records(file())).extracting(r -> r.get("target")).containsExactly("/during-1", "/during-2");
        assertThat(console).isEmpty();
    }

    @Test
    void whileFailingAFullQueueCountsLostRecordsInsteadOfStallingTheServer() throws Exception {
        BlockingQueue<String> console = console();
        int capacity = 4;
        try (CsvAccessLog log = CsvAccessLog.open(file(), fastRetries(capacity), console::add)) {
            Files.delete(file());
            Files.createDirectory(file());
            log.record(entry("/first"));
            nextLine(console, WAIT); // the writer now holds /first and stops draining

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int i = 0; i < 20; i++) {
                    log.record(entry("/queued-" + i));
                }
            });

            Files.delete(file());
            assertThat(nextLine(console, WAIT)).endsWith("writing again; 16 records lost while it was failing");
        }

        assertThat(records(file())).extracting(r -> r.get("target"))
                .containsExactly("/first", "/queued-0", "/queued-1", "/queued-2", "/queued-3");
    }

    @Test
    void closingWhileTheFileStillFailsSaysHowManyRecordsWereNotWritten() throws Exception {
        BlockingQueue<String> console = console();
        CsvAccessLog log = CsvAccessLog.open(file(), fastRetries(8192), console::add);
        Files.delete(file());
        Files.createDirectory(file());
        log.record(entry("/doomed"));
        nextLine(console, WAIT);

        assertTimeoutPreemptively(Duration.ofSeconds(5), log::close);

        assertThat(console).containsExactly("access log " + file() + ": closed with 1 records not written");
    }

    @Test
    void aRecordHeldWhileTheFileFailsIsWrittenWhenTheLogCloses() throws Exception {
        BlockingQueue<String> console = console();
        try (CsvAccessLog log = CsvAccessLog.open(file(), fastRetries(8192), console::add)) {
            Files.delete(file());
            Files.createDirectory(file());
            log.record(entry("/stuck"));
            nextLine(console, WAIT);

            Files.delete(file());
        }
        assertThat(records(file())).extracting(r -> r.get("target")).containsExactly("/stuck");
    }

    private List<String> targets() {
        try {
            return records(file()).stream().map(r -> r.get("target")).toList();
        } catch (IOException | RuntimeException | AssertionError e) {
            return List.of(); // absent, or caught mid-write: look again at the next change
        }
    }
}
