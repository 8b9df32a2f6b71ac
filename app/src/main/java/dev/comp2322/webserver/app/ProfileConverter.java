package dev.comp2322.webserver.app;

import dev.comp2322.webserver.domain.rules.Profile;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --profile}: {@code course} or {@code rfc}, in any letter case. */
public final class ProfileConverter implements ITypeConverter<Profile> {

    @Override
    public Profile convert(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "course" -> Profile.COURSE;
            case "rfc" -> Profile.RFC;
            default -> throw new TypeConversionException("'" + value + "' is not a profile (use course or rfc)");
        };
    }

    /** The name a user types for a profile, e.g. {@code course}. */
    static String nameOf(Profile profile) {
        return profile.name().toLowerCase(Locale.ROOT);
    }
}
