package dev.comp2322.webserver.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Round trips of HTTP-dates, RFC 9110 §5.6.7. */
class HttpDatesPropertyTest {

    private static final Instant NOW = Instant.parse("2025-03-14T15:09:26Z");
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    @Property
    @Label("RFC 9110 §5.6.7: format then parse an HTTP-date gives the same instant, to the second")
    void formatThenParse(
            @ForAll @LongRange(min = HttpDates.MIN_SECOND, max = HttpDates.MAX_SECOND) long second,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(second, nanos);
        assertThat(HttpDates.parse(HttpDates.format(instant), NOW)).contains(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @Property
    @Label("RFC 9110 §5.6.7: RFC 850 dates within 50 years of now parse back to the same instant")
    void rfc850RoundTrip(@ForAll @LongRange(min = -49L * 365 * 86_400, max = 49L * 365 * 86_400) long offset) {
        Instant instant = NOW.plusSeconds(offset);
        assertThat(HttpDates.parse(RFC_850.format(instant), NOW)).contains(instant);
    }

    @Property
    @Label("RFC 9110 §5.6.7: asctime dates parse back to the same instant")
    void asctimeRoundTrip(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long second) {
        Instant instant = Instant.ofEpochSecond(second);
        assertThat(HttpDates.parse(ASCTIME.format(instant), NOW)).contains(instant);
    }
}
