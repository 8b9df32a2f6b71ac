package dev.comp2322.webserver.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP-date, RFC 9110 §5.6.7. */
class HttpDatesTest {

    private static final Instant NOW = Instant.parse("2025-03-14T15:09:26Z");

    @DisplayName("RFC 9110 §5.6.7: IMF-fixdate formatting")
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "1994-11-06T08:49:37Z      | Sun, 06 Nov 1994 08:49:37 GMT",
        "1970-01-01T00:00:00Z      | Thu, 01 Jan 1970 00:00:00 GMT",
        "2024-02-29T23:59:59.999Z  | Thu, 29 Feb 2024 23:59:59 GMT",
        "1969-12-31T23:59:59Z      | Wed, 31 Dec 1969 23:59:59 GMT",
        "2000-03-01T12:00:00Z      | Wed, 01 Mar 2000 12:00:00 GMT",
        "0001-01-01T00:00:00Z      | Mon, 01 Jan 0001 00:00:00 GMT",
        "9999-12-31T23:59:59Z      | Fri, 31 Dec 9999 23:59:59 GMT",
    })
    void formats(String instant, String expected) {
        assertThat(HttpDates.format(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    @DisplayName("RFC 9110 §5.6.7: the representable range is years 0001 to 9999")
    void rangeConstants() {
        assertThat(Instant.ofEpochSecond(HttpDates.MIN_SECOND)).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(Instant.ofEpochSecond(HttpDates.MAX_SECOND)).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    @DisplayName("RFC 9110 §5.6.7: instants beyond a four-digit year are clamped, never malformed")
    void clampsOutOfRange() {
        assertThat(HttpDates.format(Instant.MAX)).isEqualTo("Fri, 31 Dec 9999 23:59:59 GMT");
        assertThat(HttpDates.format(Instant.MIN)).isEqualTo("Mon, 01 Jan 0001 00:00:00 GMT");
    }

    @DisplayName("RFC 9110 §5.6.7: a recipient MUST accept all three formats")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    })
    void parsesTheThreeFormats(String text) {
        assertThat(HttpDates.parse(text, NOW)).contains(Instant.parse("1994-11-06T08:49:37Z"));
    }

    @DisplayName("RFC 9110 §5.6.7: RFC 850 two-digit years more than 50 years ahead are in the past")
    @ParameterizedTest(name = "{0} (now {1}) → {2}")
    @CsvSource(delimiter = '|', value = {
        "Tuesday, 01-Jan-75 00:00:00 GMT   | 2025-03-14T00:00:00Z | 2075-01-01T00:00:00Z",
        "Thursday, 01-Jan-76 00:00:00 GMT  | 2025-03-14T00:00:00Z | 1976-01-01T00:00:00Z",
        "Friday, 01-Jan-99 00:00:00 GMT    | 2025-03-14T00:00:00Z | 1999-01-01T00:00:00Z",
        "Saturday, 01-Jan-00 00:00:00 GMT  | 2025-03-14T00:00:00Z | 2000-01-01T00:00:00Z",
        "Saturday, 01-Jan-01 00:00:00 GMT  | 2090-06-01T00:00:00Z | 2101-01-01T00:00:00Z",
        "Tuesday, 29-Feb-00 00:00:00 GMT   | 2025-03-14T00:00:00Z | 2000-02-29T00:00:00Z",
    })
    void placesTwoDigitYears(String text, String now, String expected) {
        assertThat(HttpDates.parse(text, Instant.parse(now))).contains(Instant.parse(expected));
    }

    @DisplayName("RFC 9110 §5.6.7: anything that is not exactly an HTTP-date is invalid")
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "",
        "garbage",
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 08:49:37 gmt",
        "sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun,  6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT",
        "Mon, 06 Nov 1994 08:49:37 GMT",     // 1994-11-06 was a Sunday
        "Sun, 31 Nov 1994 08:49:37 GMT",     // no 31 November
        "Tue, 29 Feb 2100 00:00:00 GMT",     // 2100 is no leap year
        "Sun, 06 Nov 1994 25:49:37 GMT",
        "Sun, 06 Nov 1994 08:60:37 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT ",
        "Sun, 06 Nov 1994 08-49-37 GMT",
        "Sun, 06 Nov 0000 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:3x GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sun, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06 Nov 94 08:49:37 GMT",
        "Monday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov 6 08:49:37 1994",
        "Sun Nov 06 08:49:37 94",
        "Sun Nov  6 08:49:37 1994 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT",
        "1994-11-06T08:49:37Z",
    })
    void rejectsInvalid(String text) {
        assertThat(HttpDates.parse(text, NOW)).isEmpty();
    }

    @Test
    @DisplayName("RFC 9110 §5.6.7: asctime accepts a two-digit day too")
    void asctimeTwoDigitDay() {
        assertThat(HttpDates.parse("Thu Nov 10 08:49:37 1994", NOW)).contains(Instant.parse("1994-11-10T08:49:37Z"));
    }

    @Test
    @DisplayName("RFC 9110 §5.6.7: a leap second (:60) is accepted and read as :59")
    void leapSecond() {
        assertThat(HttpDates.parse("Sat, 31 Dec 2016 23:59:60 GMT", NOW)).contains(Instant.parse("2016-12-31T23:59:59Z"));
    }

    @Test
    @DisplayName("RFC 9110 §6.6.1: the Date field is formatted once per second and follows the clock")
    void dateFieldCache() {
        var cache = new DateFieldCache();
        var first = cache.dateField(NOW);
        assertThat(cache.dateField(NOW.plusMillis(999))).isSameAs(first);
        assertThat(cache.dateField(NOW.plusSeconds(1)).value()).isEqualTo("Fri, 14 Mar 2025 15:09:27 GMT");
        assertThat(first.value()).isEqualTo("Fri, 14 Mar 2025 15:09:26 GMT");
    }
}
