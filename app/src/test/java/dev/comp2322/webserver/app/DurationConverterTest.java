package dev.comp2322.webserver.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest(name = "''{0}'' is {1} ms")
    @CsvSource({
        "15,     15000",
        "15s,    15000",
        "500ms,  500",
        "2m,     120000",
        "' 7s ', 7000",
        "1440m,  86400000"
    })
    void readsANumberWithAnOptionalUnit(String text, long millis) {
        assertThat(converter.convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "s", "abc", "1.5s", "-5s", "15h", "15 s", "PT15S", "0", "0ms", "1441m", "9999999999"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "'");
    }
}
