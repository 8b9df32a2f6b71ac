package dev.comp2322.conformance.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converter for {@code 5s}, {@code 1500ms}, {@code 2} (seconds) and {@code 1.5s}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            } else {
                String seconds = t.endsWith("s") ? t.substring(0, t.length() - 1).trim() : t;
                d = Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
            }
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("must be positive, got " + text);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must look like 5s, 1500ms or 2, got " + text);
        }
    }
}
