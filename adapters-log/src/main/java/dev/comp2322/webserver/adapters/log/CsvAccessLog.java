package dev.comp2322.webserver.adapters.log;

import dev.comp2322.webserver.adapters.log.BatchingWriter.WhenFull;
import dev.comp2322.webserver.domain.model.AccessLogEntry;
import dev.comp2322.webserver.domain.port.out.AccessLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * {@link AccessLog} that appends one row per completed exchange to {@code Log.csv} through a
 * {@link BatchingWriter} (a burst is written about 5 ms after it starts; a full queue of 8192 blocks
 * the producer), across restarts, under one header row. Rows are RFC 4180, UTF-8, CRLF; a value stays
 * inside its row; timestamps are UTC with milliseconds; client text that starts like a formula gets a
 * leading {@code '} (CSV injection). A failing write is reported on standard error (every 5 s while it
 * lasts) and retried every 250 ms on a reopened file; once the queue is full, rows are counted as lost
 * rather than stalling the server, and the count is reported when writing works again.
 */
public final class CsvAccessLog implements AccessLog, AutoCloseable {

    static final String HEADER = "timestamp,client_ip,client_port,method,target,version,status,bytes,duration_ms,user_agent";
    static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\r\n").get();
    private static final byte[] HEADER_ROW = (HEADER + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final String name;
    private final Consumer<String> console;
    private final BatchingWriter<AccessLogEntry> writer;
    private final RowEncoder rows = new RowEncoder(); // the writer thread's
    private LogFile file; // these three belong to the writer thread until close() has joined it
    private boolean failing;
    private long reportedAt; // System.nanoTime() of the last failure report: a long outage is told every 5 s

    private CsvAccessLog(Path path, BatchingWriter.Settings settings, Consumer<String> console) throws IOException {
        this.path = path;
        this.name = "access log " + path;
        this.file = LogFile.open(path, ByteBuffer.wrap(HEADER_ROW));
        this.console = console;
        this.writer = new BatchingWriter<>(name, settings, this::write);
    }

    /** Opens (or creates) the file and starts the writer; else one line: {@code cannot open access log /x: Is a directory}. */
    public static CsvAccessLog open(Path file) throws IOException {
        var settings = new BatchingWriter.Settings(8192, Duration.ofMillis(5), Duration.ofMillis(250), WhenFull.WAIT);
        return open(file, settings, System.err::println);
    }

    static CsvAccessLog open(Path file, BatchingWriter.Settings settings, Consumer<String> console) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        try {
            return new CsvAccessLog(path, settings, console);
        } catch (IOException e) {
            throw new IOException("cannot open access log " + path + ": " + Reasons.of(e), e);
        }
    }

    @Override
    public void record(AccessLogEntry entry) {
        writer.submit(entry);
    }

    /** Stops taking rows, writes everything queued, closes the file; idempotent. */
    @Override
    public void close() {
        writer.close();
        file.close();
        if (writer.unwritten() > 0) {
            console.accept(name + ": closed with " + writer.unwritten() + " records not written");
        }
    }

    private void write(List<AccessLogEntry> batch, long lost) throws IOException {
        try {
            // One stat per batch: a deleted or replaced file is recreated rather than written while unlinked.
            if (failing || !file.isCurrent()) {
                file.close();
                file = LogFile.open(path, ByteBuffer.wrap(HEADER_ROW));
            }
            file.append(rows.encode(batch));
        } catch (IOException e) {
            if (!failing || System.nanoTime() - reportedAt >= 5_000_000_000L) {
                reportedAt = System.nanoTime();
                console.accept(name + ": write failed (" + Reasons.of(e) + "); " + batch.size() + " records waiting");
            }
            failing = true;
            throw e;
        }
        if (failing) {
            failing = false;
            console.accept(name + ": writing again; " + (lost == 0 ? "no records lost" : lost + " records lost while it was failing"));
        }
    }

    static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
