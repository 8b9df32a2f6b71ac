package dev.comp2322.conformance.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {
    private static final Instant T = Instant.parse("2024-03-05T09:26:53Z");

    @Test
    @DisplayName("the three RFC 9110 §5.6.7 formats are written exactly")
    void writesTheThreeFormats() {
        assertThat(HttpDates.imfFixdate(T)).isEqualTo("Tue, 05 Mar 2024 09:26:53 GMT");
        assertThat(HttpDates.rfc850(T)).isEqualTo("Tuesday, 05-Mar-24 09:26:53 GMT");
        assertThat(HttpDates.asctime(T)).isEqualTo("Tue Mar  5 09:26:53 2024");
    }

    @Test
    @DisplayName("an IMF-fixdate parses back to the same instant")
    void parsesFixdate() {
        assertThat(HttpDates.parseImfFixdate("Tue, 05 Mar 2024 09:26:53 GMT")).contains(T);
    }

    @ParameterizedTest(name = "\"{0}\" is not an IMF-fixdate")
    @ValueSource(strings = {"Tuesday, 05-Mar-24 09:26:53 GMT", "Tue Mar  5 09:26:53 2024", "2024-03-05T09:26:53Z",
            "Tue, 05 Mar 2024 09:26:53 +0000", "Wed, 05 Mar 2024 09:26:53 GMT", "Tue, 5 Mar 2024 09:26:53 GMT",
            "tue, 05 mar 2024 09:26:53 gmt", ""})
    void rejectsOtherFormats(String value) {
        assertThat(HttpDates.parseImfFixdate(value)).isEmpty();
    }
}
