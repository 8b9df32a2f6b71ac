package dev.comp2322.webserver.adapters.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The log's timestamps, UTC with milliseconds ({@code 2026-12-03T10:15:30.123Z}), with the date and
 * time of day formatted once per second: a {@code DateTimeFormatter} costs more than the rest of a row,
 * and a busy second has thousands of rows. Not thread-safe: one per writer thread.
 */
final class Timestamps {

    private static final DateTimeFormatter TO_THE_SECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private long second = Long.MIN_VALUE;
    private String secondText = "";

    /** {@code instant} to the millisecond, truncated (not rounded), ISO 8601 with a {@code Z}. */
    String format(Instant instant) {
        if (instant.getEpochSecond() != second) {
            second = instant.getEpochSecond();
            secondText = TO_THE_SECOND.format(instant);
        }
        int millis = instant.getNano() / 1_000_000; // in [0, 999] even before 1970: the nanos count forward
        return secondText + '.' + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10)
                + (char) ('0' + millis % 10) + 'Z';
    }
}
