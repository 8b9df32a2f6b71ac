package dev.comp2322.webserver.app;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a timeout from the command line: a whole number with an optional unit, {@code ms}, {@code s}
 * (the default) or {@code m} — e.g. {@code 15}, {@code 15s}, {@code 500ms}, {@code 2m}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    /** Longer than any sensible timeout; also keeps the arithmetic far from overflow. */
    static final Duration MAX = Duration.ofHours(24);

    @Override
    public Duration convert(String value) {
        String text = value.strip();
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 9) {
            throw invalid(value);
        }
        long amount = Long.parseLong(text.substring(0, digits));
        Duration duration = switch (text.substring(digits)) {
            case "", "s" -> Duration.ofSeconds(amount);
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> throw invalid(value);
        };
        if (duration.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than 24 hours");
        }
        return duration;
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException("'" + value + "' is not a duration (use e.g. 15, 15s, 500ms or 2m)");
    }

    /** A duration as {@link #convert} reads it back: whole seconds, else milliseconds. */
    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
