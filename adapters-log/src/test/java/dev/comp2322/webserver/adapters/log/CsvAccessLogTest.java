package dev.comp2322.webserver.adapters.log;

import static dev.comp2322.webserver.adapters.log.LogFixtures.HEADER_LINE;
import static dev.comp2322.webserver.adapters.log.LogFixtures.awaitChange;
import static dev.comp2322.webserver.adapters.log.LogFixtures.console;
import static dev.comp2322.webserver.adapters.log.LogFixtures.entry;
import static dev.comp2322.webserver.adapters.log.LogFixtures.onlyCloseWrites;
import static dev.comp2322.webserver.adapters.log.LogFixtures.records;
import static dev.comp2322.webserver.adapters.log.LogFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Format, ordering, restarts and life cycle of {@link CsvAccessLog} on a healthy disk. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CsvAccessLogTest {

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("Log.csv");
    }

    @Test
    void aNewFileStartsWithTheHeaderRowOnly() throws IOException {
        CsvAccessLog.open(file()).close();

        assertThat(text(file())).isEqualTo(HEADER_LINE);
    }

    @Test
    void anEmptyExistingFileGetsTheHeaderRow() throws IOException {
        Files.createFile(file());

        CsvAccessLog.open(file()).close();

        assertThat(text(file())).isEqualTo(HEADER_LINE);
    }

    @Test
    void everyFieldOfAnEntryIsWrittenInItsColumn() throws IOException {
        AccessLogEntry entry = new AccessLogEntry(Instant.parse("2026-11-28T07:30:01.123456Z"), "::1", 40000,
                "HEAD", "/a%20b?x=1", "HTTP/1.0", 304, 987_654_321_000L, Duration.ofNanos(12_345_678), "Mozilla/5.0");

        try (CsvAccessLog log = CsvAccessLog.open(file())) {
            log.record(entry);
        }

        assertThat(records(file())).singleElement().satisfies(r -> assertThat(r.values()).containsExactly(
                "2026-11-28T07:30:01.123Z", "::1", "40000", "HEAD", "/a%20b?x=1", "HTTP/1.0", "304",
                "987654321000", "12.345", "Mozilla/5.0"));
    }

    @Test
    void anUnparseableRequestIsLoggedWithEmptyMethodTargetAndVersion() throws IOException {
        AccessLogEntry error = new AccessLogEntry(Instant.parse("2026-11-28T07:30:01Z"), "127.0.0.1", 1, "", "", "",
                400, 120, Duration.ZERO, "");

        try (CsvAccessLog log = CsvAccessLog.open(file())) {
            log.record(error);
        }

        assertThat(records(file())).singleElement().satisfies(r -> assertThat(r.values()).containsExactly(
                "2026-11-28T07:30:01.000Z", "127.0.0.1", "1", "", "", "", "400", "120", "0.000", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"a,b,c", "say \"hi\"", "\"", "line\nbreak", "carriage\rreturn", "crlf\r\nend", "\r\n",
            "trailing,\"", "café 数据 😀", "tab\there", " leading space", "trailing space ", "#comment", ""})
    void aHostileValueStaysInsideOneRecordAndReadsBackExactly(String hostile) throws IOException {
        try (CsvAccessLog log = CsvAccessLog.open(file())) {
            log.record(entry("/before"));
            log.record(entry(hostile, hostile));
            log.record(entry("/after"));
        }

        // A value starting with CR is also a formula prefix and gets its apostrophe; see the next test.
        String expected = CsvAccessLog.defused(hostile);
        List<CSVRecord> records = records(file());
        assertThat(records).extracting(r -> r.get("target")).containsExactly("/before", expected, "/after");
        assertThat(records.get(1).get("user_agent")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=HYPERLINK(\"http://evil\")|'=HYPERLINK(\"http://evil\")",
        "+1+2|'+1+2",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "`\r\n=1`|`'\r\n=1`",
        "`\tx`|`'\tx`",
        "Mozilla/5.0 =1|Mozilla/5.0 =1",
        "'quoted|'quoted"})
    void aValueThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAnApostrophe(String userAgent, String written)
            throws IOException {
        try (CsvAccessLog log = CsvAccessLog.open(file())) {
            log.record(entry("/", userAgent));
        }

        assertThat(records(file()).get(0).get("user_agent")).isEqualTo(written);
    }

    @Test
    void manyThreadsRecordingAtOnceLoseNothingAndKeepEachThreadsOrder() throws Exception {
        int threads = 8;
        int perThread = 2_500;
        // A small queue makes producers block on a full queue: slowed, never dropped.
        try (CsvAccessLog log = CsvAccessLog.open(file(), LogFixtures.fastRetries(64), line -> { })) {
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                producers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.record(entry("/t" + id + "/" + i, "agent, \"" + id + "\"\r\n" + i));
                    }
                }));
            }
            for (Thread producer : producers) {
                assertThat(producer.join(Duration.ofSeconds(20))).as("producer finished").isTrue();
            }
        }

        List<CSVRecord> records = records(file());
        assertThat(records).hasSize(threads * perThread);
        Map<String, Integer> nextPerThread = new HashMap<>();
        for (CSVRecord r : records) {
            String[] parts = r.get("target").split("/");
            int expected = nextPerThread.merge(parts[1], 1, Integer::sum) - 1;
            assertThat(Integer.parseInt(parts[2])).as("order within thread %s", parts[1]).isEqualTo(expected);
            assertThat(r.get("user_agent")).isEqualTo("agent, \"" + parts[1].substring(1) + "\"\r\n" + parts[2]);
        }
        assertThat(nextPerThread).hasSize(threads).allSatisfy((thread, count) -> assertThat(count).isEqualTo(perThread));
    }

    @Test
    void aRestartAppendsBelowTheExistingRecordsWithOneHeader() throws IOException {
        try (CsvAccessLog first = CsvAccessLog.open(file())) {
            first.record(entry("/first"));
        }
        try (CsvAccessLog second = CsvAccessLog.open(file())) {
            second.record(entry("/second"));
        }

        assertThat(records(file())).extracting(r -> r.get("target")).containsExactly("/first", "/second");
        assertThat(text(file())).startsWith(HEADER_LINE).containsOnlyOnce("timestamp,client_ip");
    }

    @Test
    void anExistingFileWithoutAFinalLineEndIsEndedBeforeAppending() throws IOException {
        Files.writeString(file(), HEADER_LINE + "2026-01-01T00:00:00.000Z,127.0.0.1,1,GET,/old,HTTP/1.1,200,1,0.000,x");

        try (CsvAccessLog log = CsvAccessLog.open(file())) {
            log.record(entry("/new"));
        }

        assertThat(records(file())).extracting(r -> r.get("target")).containsExactly("/old", "/new");
    }

    @Test
    void closeWritesEverythingRecordedEvenWhenNoTimedWriteCameYet() throws IOException {
        try (CsvAccessLog log = CsvAccessLog.open(file(), onlyCloseWrites(), console()::add)) {
            // The burst window outlasts the test: only close() can write them.
            for (int i = 0; i < 300; i++) {
                log.record(entry("/" + i));
            }
            assertThat(text(file())).isEqualTo(HEADER_LINE);
        }

        assertThat(records(file())).hasSize(300);
    }

    @Test
    void aLoneRecordReachesTheFileWithinASecond() throws Exception {
        try (CsvAccessLog log = CsvAccessLog.open(file())) {
            log.record(entry("/lone"));

            awaitChange(dir, Duration.ofSeconds(1), () -> hasRecords(1));
        }
    }

    @Test
    void whileRecordsKeepComingEachReachesTheFileWithinASecond() throws Exception {
        try (CsvAccessLog log = CsvAccessLog.open(file())) {
            // A steady stream never goes quiet: each record must still be written, burst by burst.
            for (int i = 1; i <= 5; i++) {
                log.record(entry("/stream-" + i));
                int written = i;
                awaitChange(dir, Duration.ofSeconds(1), () -> hasRecords(written));
            }
        }
    }

    private boolean hasRecords(int count) {
        try {
            return records(file()).size() == count;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void closeTwiceIsHarmless() throws IOException {
        CsvAccessLog log = CsvAccessLog.open(file());
        log.record(entry("/once"));
        log.close();

        log.close();

        assertThat(records(file())).hasSize(1);
    }

    @Test
    void recordAfterCloseIsRefusedClearly() throws IOException {
        CsvAccessLog log = CsvAccessLog.open(file());
        log.close();

        assertThatThrownBy(() -> log.record(entry("/late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("access log " + file() + " is closed");
    }

    @Test
    void closingAnUnusedLogLeavesTheHeaderOnly() throws IOException {
        CsvAccessLog log = CsvAccessLog.open(file());
        log.close();

        assertThat(text(file())).isEqualTo(HEADER_LINE);
    }

    @Test
    void closeStopsTheWriterThread() throws IOException {
        CsvAccessLog log = CsvAccessLog.open(file());

        log.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("access log " + file()) && t.isAlive());
    }
}
