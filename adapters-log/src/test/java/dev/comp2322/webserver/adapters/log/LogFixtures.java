package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.fail;

import dev.comp2322.webserver.adapters.log.BatchingWriter.WhenFull;
import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Entries, settings, a strict reader of the file, and an event-driven wait (no sleeps). */
final class LogFixtures {

    static final String HEADER_LINE =
            "timestamp,client_ip,client_port,method,target,version,status,bytes,duration_ms,user_agent\r\n";

    private LogFixtures() {}

    static AccessLogEntry entry(String target) {
        return entry(target, "curl/8.5.0");
    }

    static AccessLogEntry entry(String target, String userAgent) {
        return new AccessLogEntry(Instant.parse("2026-11-28T07:30:01.123Z"), "127.0.0.1", 54321, "GET", target,
                "HTTP/1.1", 200, 1234, Duration.ofNanos(1_500_000), userAgent);
    }

    /** Settings whose burst window outlasts any test: only close() writes. */
    static BatchingWriter.Settings onlyCloseWrites() {
        return new BatchingWriter.Settings(8192, Duration.ofHours(1), Duration.ofMillis(20), WhenFull.WAIT);
    }

    static BatchingWriter.Settings fastRetries(int capacity) {
        return new BatchingWriter.Settings(capacity, Duration.ofMillis(5), Duration.ofMillis(20), WhenFull.WAIT);
    }

    static BlockingQueue<String> console() {
        return new LinkedBlockingQueue<>();
    }

    /** Parses the whole file strictly: the first record must be the header; returns the rest. */
    static List<CSVRecord> records(Path file) throws IOException {
        CSVFormat strict = CsvAccessLog.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, strict)) {
            if (!parser.getHeaderNames().equals(List.of(CsvAccessLog.HEADER.split(",")))) {
                fail("unexpected header " + parser.getHeaderNames());
            }
            List<CSVRecord> all = parser.getRecords();
            all.forEach(r -> {
                if (r.size() != parser.getHeaderNames().size()) {
                    fail("record " + r.getRecordNumber() + " has " + r.size() + " fields: " + r);
                }
            });
            return all;
        }
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Waits for a console line, failing after the timeout. */
    static String nextLine(BlockingQueue<String> console, Duration timeout) throws InterruptedException {
        String line = console.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            fail("no console line within " + timeout);
        }
        return line;
    }

    /** Waits until {@code condition} holds, re-checking on every change in {@code directory}. */
    static void awaitChange(Path directory, Duration timeout, BooleanSupplier condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    fail("condition not met within " + timeout);
                }
                key.pollEvents();
                key.reset();
            }
        }
    }
}
