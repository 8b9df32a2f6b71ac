package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.HeaderField;
import java.time.Instant;

/**
 * The {@code Date} field (RFC 9110 §6.6.1), formatted once per second rather than once per response.
 *
 * <p>Thread-safe without locks: the holder is an immutable record behind a volatile reference, so a
 * reader sees either the old second or the new one whole; two threads racing at a second boundary
 * merely format the same value twice.
 */
final class DateFieldCache {

    private record Entry(long epochSecond, HeaderField field) {}

    private volatile Entry current = new Entry(Long.MIN_VALUE, new HeaderField("Date", "-"));

    /** The {@code Date} field for {@code now}, to the second. */
    HeaderField dateField(Instant now) {
        Entry entry = current;
        long second = now.getEpochSecond();
        if (entry.epochSecond() != second) {
            entry = new Entry(second, new HeaderField("Date", HttpDates.format(now)));
            current = entry;
        }
        return entry.field();
    }
}
