package dev.comp2322.webserver.domain.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * HTTP-date (RFC 9110 §5.6.7): formats IMF-fixdate, and parses strictly all three formats a
 * recipient MUST accept — IMF-fixdate, the obsolete RFC 850 form and ANSI C's asctime form.
 *
 * <p>Hand-written rather than {@code DateTimeFormatter}: the format is fixed-width, runs on every
 * response, and the grammar is case-sensitive with a two-digit day that the JDK's RFC 1123 formatter
 * does not pad.
 */
public final class HttpDates {

    private static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] LONG_DAY_NAMES = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    };
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0001-01-01T00:00:00Z: the grammar has a four-digit year, and year 0 is no one's file time. */
    static final long MIN_SECOND = -62_135_596_800L;
    /** 9999-12-31T23:59:59Z, the last instant a four-digit year can show. */
    static final long MAX_SECOND = 253_402_300_799L;

    /**
     * The last IMF-fixdate parsed and the last instant formatted: a client revalidating sends the same
     * If-Modified-Since every time, and a hot file's Last-Modified is the same second every time.
     */
    private static final LastResult<String, Optional<Instant>> LAST_PARSED = new LastResult<>(HttpDates::parseImfFixdate);
    private static final LastResult<Instant, String> LAST_FORMATTED = new LastResult<>(HttpDates::formatOnce);

    private HttpDates() {}

    /**
     * {@code instant} as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}; fractions of a
     * second are dropped and instants outside years 0001–9999 are clamped to that range.
     */
    public static String format(Instant instant) {
        return LAST_FORMATTED.apply(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String formatOnce(Instant instant) {
        long second = Math.clamp(instant.getEpochSecond(), MIN_SECOND, MAX_SECOND);
        long epochDay = Math.floorDiv(second, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        char[] out = new char[29];
        copy(DAY_NAMES[dayOfWeekIndex(epochDay)], out, 0);
        out[3] = ',';
        out[4] = ' ';
        twoDigits(date.getDayOfMonth(), out, 5);
        out[7] = ' ';
        copy(MONTHS[date.getMonthValue() - 1], out, 8);
        out[11] = ' ';
        int year = date.getYear();
        twoDigits(year / 100, out, 12);
        twoDigits(year % 100, out, 14);
        out[16] = ' ';
        twoDigits(secondOfDay / 3600, out, 17);
        out[19] = ':';
        twoDigits(secondOfDay / 60 % 60, out, 20);
        out[22] = ':';
        twoDigits(secondOfDay % 60, out, 23);
        copy(" GMT", out, 25);
        return new String(out);
    }

    /**
     * Parses an HTTP-date in any of the three formats of RFC 9110 §5.6.7; anything else, including
     * a date that does not exist or whose day name is not its real weekday, gives empty.
     *
     * @param text the field value, without surrounding whitespace
     * @param now  the recipient's clock, used only to place an RFC 850 two-digit year
     */
    public static Optional<Instant> parse(String text, Instant now) {
        int length = text.length();
        if (length == 29 && text.charAt(3) == ',') {
            return LAST_PARSED.apply(text);
        }
        if (length == 24 && text.charAt(3) == ' ') {
            return parseAsctime(text);
        }
        int comma = text.indexOf(',');
        if (comma >= 6 && comma <= 9 && length == comma + 24) {
            return parseRfc850(text, comma, now);
        }
        return Optional.empty();
    }

    // IMF-fixdate = day-name "," SP day SP month SP year SP hour ":" minute ":" second SP "GMT"
    private static Optional<Instant> parseImfFixdate(String s) {
        if (s.charAt(4) != ' ' || s.charAt(7) != ' ' || s.charAt(11) != ' ' || s.charAt(16) != ' '
                || !s.startsWith(" GMT", 25)) {
            return Optional.empty();
        }
        int century = twoDigits(s, 12);
        int yearInCentury = twoDigits(s, 14);
        if (century < 0 || yearInCentury < 0) {
            return Optional.empty();
        }
        return assemble(indexOf(DAY_NAMES, s, 0, 3), twoDigits(s, 5), monthAt(s, 8),
                century * 100 + yearInCentury, s, 17);
    }

    // asctime-date = day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time-of-day SP year
    private static Optional<Instant> parseAsctime(String s) {
        if (s.charAt(7) != ' ' || s.charAt(10) != ' ' || s.charAt(19) != ' ') {
            return Optional.empty();
        }
        int day = s.charAt(8) == ' ' ? digit(s.charAt(9)) : twoDigits(s, 8);
        int century = twoDigits(s, 20);
        int yearInCentury = twoDigits(s, 22);
        if (century < 0 || yearInCentury < 0) {
            return Optional.empty();
        }
        return assemble(indexOf(DAY_NAMES, s, 0, 3), day, monthAt(s, 4), century * 100 + yearInCentury, s, 11);
    }

    // rfc850-date = day-name-l "," SP day "-" month "-" 2DIGIT SP time-of-day SP "GMT"
    private static Optional<Instant> parseRfc850(String s, int comma, Instant now) {
        int p = comma + 1;
        if (s.charAt(p) != ' ' || s.charAt(p + 3) != '-' || s.charAt(p + 7) != '-' || s.charAt(p + 10) != ' '
                || !s.startsWith(" GMT", p + 19)) {
            return Optional.empty();
        }
        int yearInCentury = twoDigits(s, p + 8);
        if (yearInCentury < 0) {
            return Optional.empty();
        }
        int weekday = indexOf(LONG_DAY_NAMES, s, 0, comma);
        int day = twoDigits(s, p + 1);
        int month = monthAt(s, p + 4);
        int sameCentury = centuryStart(now) + yearInCentury;
        // The window is 100 years wide, so exactly one of these years can fall inside it.
        for (int year = sameCentury - 100; year <= sameCentury + 100; year += 100) {
            Optional<Instant> candidate = assembleIgnoringWeekday(day, month, year, s, p + 11);
            if (candidate.isPresent() && withinTwoDigitYearWindow(candidate.get(), now)) {
                return candidate.filter(instant -> weekday >= 0 && weekday == dayOfWeekIndex(epochDay(instant)));
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 9110 §5.6.7: a two-digit year that "appears to be more than 50 years in the future" is the
     * most recent past year with those digits. We use the symmetric window (now − 50 y, now + 50 y]
     * so that a date just past a century boundary lands in the near future, not 100 years back.
     */
    private static boolean withinTwoDigitYearWindow(Instant candidate, Instant now) {
        var reference = now.atOffset(ZoneOffset.UTC);
        return !candidate.isAfter(reference.plusYears(50).toInstant())
                && candidate.isAfter(reference.minusYears(50).toInstant());
    }

    private static int centuryStart(Instant now) {
        return now.atOffset(ZoneOffset.UTC).getYear() / 100 * 100;
    }

    private static Optional<Instant> assemble(int weekday, int day, int month, int year, String s, int timeAt) {
        return assembleIgnoringWeekday(day, month, year, s, timeAt)
                .filter(instant -> weekday >= 0 && weekday == dayOfWeekIndex(epochDay(instant)));
    }

    private static Optional<Instant> assembleIgnoringWeekday(int day, int month, int year, String s, int timeAt) {
        if (month < 1 || year < 1 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Optional.empty();
        }
        if (s.charAt(timeAt + 2) != ':' || s.charAt(timeAt + 5) != ':') {
            return Optional.empty();
        }
        int hour = twoDigits(s, timeAt);
        int minute = twoDigits(s, timeAt + 3);
        int second = twoDigits(s, timeAt + 6);
        // RFC 9110 §5.6.7 allows second 60 (a leap second); java.time has none, so it reads as :59.
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return Optional.empty();
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + Math.min(second, 59);
        return Optional.of(Instant.ofEpochSecond(epochSecond));
    }

    private static long epochDay(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** Monday = 0 … Sunday = 6; the epoch day 0, 1970-01-01, was a Thursday. */
    private static int dayOfWeekIndex(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7);
    }

    private static int monthAt(String s, int at) {
        return indexOf(MONTHS, s, at, 3) + 1;
    }

    /** The index of the name that occupies exactly {@code s[at, at+length)}, or -1; case-sensitive. */
    private static int indexOf(String[] names, String s, int at, int length) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == length && s.startsWith(names[i], at)) {
                return i;
            }
        }
        return -1;
    }

    private static int twoDigits(String s, int at) {
        int tens = digit(s.charAt(at));
        int ones = digit(s.charAt(at + 1));
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static void twoDigits(int value, char[] out, int at) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
    }

    private static void copy(String text, char[] out, int at) {
        text.getChars(0, text.length(), out, at);
    }
}
