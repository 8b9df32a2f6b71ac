package dev.comp2322.webserver.adapters.log;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Formatted records not yet in the file: the writer's own buffer. Used by the writer thread only.
 *
 * <p>The format: RFC 4180 CSV in UTF-8 — comma separated, CRLF after every record, a field quoted
 * (with {@code "} doubled) when it holds a comma, quote, CR or LF, so any value stays inside one
 * record. Columns as in {@link #HEADER}:
 * <ul>
 *   <li>{@code timestamp}: ISO-8601 in UTC with milliseconds and {@code Z}, e.g.
 *       {@code 2026-11-28T07:30:01.123Z} (one zone for every row: rows sort as text);
 *   <li>{@code duration_ms}: milliseconds with three decimals (microseconds), e.g. {@code 0.153};
 *   <li>{@code method}, {@code target}, {@code version}, {@code user_agent} come from the client:
 *       one starting with {@code = + - @}, TAB or CR gets a leading {@code '} so a spreadsheet
 *       shows it as text instead of running it as a formula (CSV injection, OWASP).
 * </ul>
 */
final class CsvRecords {

    /** The header row, the first line of every new log file. */
    static final String[] HEADER = {
        "timestamp", "client_ip", "client_port", "method", "target", "version", "status", "bytes",
        "duration_ms", "user_agent"
    };

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    private static final DateTimeFormatter UP_TO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final StringBuilder text = new StringBuilder(1 << 17);
    private final CSVPrinter printer;
    private int count;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedSecondText = "";

    CsvRecords() {
        try {
            printer = new CSVPrinter(text, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never fails
        }
    }

    /** The header row alone, encoded, for a new or empty file. */
    static ByteBuffer headerBytes() {
        StringBuilder header = new StringBuilder();
        try {
            FORMAT.printRecord(header, (Object[]) HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(header.toString().getBytes(StandardCharsets.UTF_8));
    }

    void add(AccessLogEntry entry) {
        try {
            printer.print(timestamp(entry.timestamp()));
            printer.print(entry.clientIp());
            printer.print(Integer.toString(entry.clientPort()));
            printer.print(defused(entry.method()));
            printer.print(defused(entry.target()));
            printer.print(defused(entry.version()));
            printer.print(Integer.toString(entry.status()));
            printer.print(Long.toString(entry.bytesSent()));
            printer.print(milliseconds(entry.duration()));
            printer.print(defused(entry.userAgent()));
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never fails
        }
        count++;
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Characters held; the writer writes once this passes its threshold. */
    int length() {
        return text.length();
    }

    /** The held records as UTF-8, whole records only. */
    ByteBuffer bytes() {
        return ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    void clear() {
        text.setLength(0);
        count = 0;
    }

    /** A value a spreadsheet would take for a formula gets a leading apostrophe (OWASP CSV injection). */
    static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** ISO-8601 UTC with milliseconds; the part up to the second is cached (a burst shares it). */
    String timestamp(Instant instant) {
        long second = instant.getEpochSecond();
        if (second != cachedSecond) {
            cachedSecondText = UP_TO_SECONDS.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC));
            cachedSecond = second;
        }
        int millis = instant.getNano() / 1_000_000;
        StringBuilder out = new StringBuilder(cachedSecondText.length() + 5).append(cachedSecondText).append('.');
        return appendThreeDigits(out, millis).append('Z').toString();
    }

    /** Milliseconds with three decimals, e.g. {@code 12.345}; no String.format on this path. */
    static String milliseconds(Duration duration) {
        long micros = duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000;
        StringBuilder out = new StringBuilder(12);
        if (micros < 0) {
            out.append('-');
            micros = -micros;
        }
        out.append(micros / 1_000).append('.');
        return appendThreeDigits(out, (int) (micros % 1_000)).toString();
    }

    private static StringBuilder appendThreeDigits(StringBuilder out, int value) {
        if (value < 100) {
            out.append('0');
        }
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
