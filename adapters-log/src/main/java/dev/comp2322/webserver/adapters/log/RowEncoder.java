package dev.comp2322.webserver.adapters.log;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Turns access-log entries into the bytes of RFC 4180 rows, written straight into one reused array.
 *
 * <p>Why not just {@code CSVFormat.printRecord} into a StringBuilder: the writer thread formats every
 * row the server logs, on the same cores that serve. Measured at ~150k requests/s on one core, that
 * way (a builder, its String and its UTF-8 copy per batch, a formatter call per value) cost about 1 µs
 * a row, arrived as a ~1 ms slice of CPU every 5 ms that held up the event loop (most of the p99
 * tail), and made three quarters of the server's garbage. So what is plain goes byte for byte: the
 * numbers, the timestamp (its date and time of day formatted once per second), and any text value
 * that commons-csv would print unquoted and that needs no defusing (in practice the method, target,
 * version, and user agents without a comma, such as curl's; a browser's has "KHTML, like Gecko").
 * Every other value goes through commons-csv with the log's {@link CsvAccessLog#FORMAT}, so quoting
 * and escaping are the library's, byte for byte.
 *
 * <p>Not thread-safe: one per writer thread. A returned buffer is valid until the next call.
 */
final class RowEncoder {

    private static final DateTimeFormatter TO_THE_SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    /** A usual batch fits; a buffer grown past this by a burst is let go after it, not kept for good. */
    private static final int KEPT_BYTES = 256 * 1024;
    private static final int FIRST_BYTES = 16 * 1024;

    private byte[] bytes = new byte[FIRST_BYTES];
    private int length;
    private long second = Long.MIN_VALUE;
    private byte[] secondText = new byte[0];
    private final StringBuilder quoted = new StringBuilder();

    /** The rows of {@code entries}, each ending in CRLF; valid until the next call. */
    ByteBuffer encode(List<AccessLogEntry> entries) {
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[FIRST_BYTES];
        }
        length = 0;
        for (int i = 0; i < entries.size(); i++) {
            row(entries.get(i));
        }
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private void row(AccessLogEntry e) {
        timestamp(e.timestamp());
        text(e.clientIp());
        comma();
        number(e.clientPort());
        text(e.method());
        text(e.target());
        text(e.version());
        comma();
        number(e.status());
        comma();
        number(e.bytesSent());
        comma();
        milliseconds(e.duration());
        text(e.userAgent());
        room(2);
        bytes[length++] = '\r';
        bytes[length++] = '\n';
    }

    /** UTC to the millisecond, truncated, e.g. {@code 2026-12-03T10:15:30.123Z}; the first value of a row. */
    private void timestamp(Instant instant) {
        if (instant.getEpochSecond() != second) {
            second = instant.getEpochSecond();
            secondText = TO_THE_SECOND.format(instant).getBytes(StandardCharsets.US_ASCII);
        }
        room(secondText.length + 5);
        System.arraycopy(secondText, 0, bytes, length, secondText.length);
        length += secondText.length;
        int millis = instant.getNano() / 1_000_000; // in [0, 999] even before 1970: the nanos count forward
        bytes[length++] = '.';
        bytes[length++] = (byte) ('0' + millis / 100);
        bytes[length++] = (byte) ('0' + millis / 10 % 10);
        bytes[length++] = (byte) ('0' + millis % 10);
        bytes[length++] = 'Z';
    }

    /** Milliseconds with three decimals (microseconds, truncated), e.g. {@code 12.345}. */
    private void milliseconds(Duration duration) {
        long micros = Math.abs(duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000);
        if (duration.isNegative()) {
            room(1);
            bytes[length++] = '-';
        }
        number(micros / 1_000);
        long fraction = micros % 1_000;
        room(4);
        bytes[length++] = '.';
        bytes[length++] = (byte) ('0' + fraction / 100);
        bytes[length++] = (byte) ('0' + fraction / 10 % 10);
        bytes[length++] = (byte) ('0' + fraction % 10);
    }

    private void number(long value) {
        room(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value; // the fields are counts, ports and codes: never Long.MIN_VALUE
        }
        int end = length + digits(value);
        for (int at = end - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    private static int digits(long value) {
        int count = 1;
        while (value >= 10) {
            value /= 10;
            count++;
        }
        return count;
    }

    /** A delimiter and a text value; never the first value of a row. */
    private void text(String value) {
        if (plain(value)) {
            room(1 + value.length());
            bytes[length++] = ',';
            for (int i = 0; i < value.length(); i++) {
                bytes[length++] = (byte) value.charAt(i);
            }
            return;
        }
        quoted.setLength(0);
        try {
            CsvAccessLog.FORMAT.print(CsvAccessLog.defused(value), quoted, false); // writes the delimiter too
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder never fails
        }
        byte[] utf8 = quoted.toString().getBytes(StandardCharsets.UTF_8);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /**
     * True when commons-csv's minimal quoting would print {@code value} as it is and it needs no defusing:
     * printable ASCII without quote or comma, not starting with a character up to {@code '#'} or a formula
     * prefix, not ending in a space. (Empty is plain: a value that isn't first in its row prints as nothing.)
     */
    static boolean plain(String value) {
        int n = value.length();
        if (n == 0) {
            return true;
        }
        char first = value.charAt(0);
        if (first <= '#' || first == '=' || first == '+' || first == '-' || first == '@' || value.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == ',') {
                return false;
            }
        }
        return true;
    }

    private void comma() {
        room(1);
        bytes[length++] = ',';
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
