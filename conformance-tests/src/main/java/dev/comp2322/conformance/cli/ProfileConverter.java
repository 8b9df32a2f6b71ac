package dev.comp2322.conformance.cli;

import dev.comp2322.conformance.ConformanceProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converter for {@code course} and {@code rfc}, using the profile's own parser. */
final class ProfileConverter implements ITypeConverter<ConformanceProfile> {
    @Override
    public ConformanceProfile convert(String text) {
        try {
            return ConformanceProfile.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
