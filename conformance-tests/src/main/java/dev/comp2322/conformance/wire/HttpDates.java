package dev.comp2322.conformance.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/** The three HTTP-date formats of RFC 9110 §5.6.7, for writing conditional requests and checking responses. */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter RFC_850 = DateTimeFormatter
            .ofPattern("EEEE, dd-MMM-uu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter
            .ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** {@code Sun, 06 Nov 1994 08:49:37 GMT}: the only format a sender may generate. */
    public static String imfFixdate(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}: obsolete, but recipients MUST accept it. */
    public static String rfc850(Instant instant) {
        return RFC_850.format(instant);
    }

    /** {@code Sun Nov  6 08:49:37 1994}: obsolete, but recipients MUST accept it. */
    public static String asctime(Instant instant) {
        return ASCTIME.format(instant);
    }

    /**
     * Parses a value that must be exactly IMF-fixdate: 29 characters, GMT, a weekday that matches the date.
     * Anything else (RFC 850, asctime, ISO 8601, a numeric zone) is empty.
     */
    public static Optional<Instant> parseImfFixdate(String value) {
        if (value == null || value.length() != 29) {
            return Optional.empty();
        }
        try {
            Instant parsed = Instant.from(IMF_FIXDATE.parse(value));
            return imfFixdate(parsed).equals(value) ? Optional.of(parsed) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
