package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-rolled number and time formats of a row. */
class CsvRowsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-28T07:30:01Z, 2026-11-28T07:30:01.000Z",
        "2026-11-28T07:30:01.007Z, 2026-11-28T07:30:01.007Z",
        "2026-11-28T07:30:01.05Z, 2026-11-28T07:30:01.050Z",
        "2026-11-28T07:30:01.999999999Z, 2026-11-28T07:30:01.999Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z"})
    void timestampsAreUtcWithMilliseconds(String instant, String written) {
        AccessLogEntry entry = new AccessLogEntry(Instant.parse(instant), "127.0.0.1", 1, "GET", "/", "HTTP/1.1", 200,
                1, Duration.ZERO, "");
        String row = StandardCharsets.UTF_8.decode(CsvAccessLog.rows(List.of(entry), new Timestamps())).toString();

        assertThat(row).startsWith(written + ",127.0.0.1,");
    }

    @Test
    void oneFormatterFollowsTheClockAcrossSecondsAndBackwards() {
        Timestamps timestamps = new Timestamps();
        List<String> instants = List.of("2026-11-28T07:30:01.001Z", "2026-11-28T07:30:01.002Z",
                "2026-11-28T07:30:02.003Z", "2026-11-28T07:30:01.004Z", "1969-12-31T23:59:59.500Z",
                "2026-11-28T07:30:01.005Z");

        assertThat(instants).allSatisfy(text -> assertThat(timestamps.format(Instant.parse(text))).isEqualTo(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT0S, 0.000", "PT0.000000999S, 0.000", "PT0.000153S, 0.153", "PT0.0015S, 1.500",
            "PT12.345678S, 12345.678", "PT-0.002S, -2.000"})
    void durationsAreMillisecondsWithThreeDecimals(String duration, String written) {
        assertThat(CsvAccessLog.milliseconds(Duration.parse(duration))).isEqualTo(written);
    }
}
