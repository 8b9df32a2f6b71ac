package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-rolled number and time formats (no String.format on the writer's path). */
class CsvRecordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-28T07:30:01Z, 2026-11-28T07:30:01.000Z",
        "2026-11-28T07:30:01.007Z, 2026-11-28T07:30:01.007Z",
        "2026-11-28T07:30:01.05Z, 2026-11-28T07:30:01.050Z",
        "2026-11-28T07:30:01.999999999Z, 2026-11-28T07:30:01.999Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z"})
    void timestampsAreUtcWithMilliseconds(String instant, String written) {
        assertThat(new CsvRecords().timestamp(Instant.parse(instant))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT0S, 0.000", "PT0.000000999S, 0.000", "PT0.000153S, 0.153", "PT0.0015S, 1.500",
            "PT12.345678S, 12345.678", "PT-0.002S, -2.000"})
    void durationsAreMillisecondsWithThreeDecimals(String duration, String written) {
        assertThat(CsvRecords.milliseconds(Duration.parse(duration))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-28T07:30:01.100Z, 2026-11-28T07:30:02.200Z, 2026-11-28T07:30:01.300Z"})
    void theCachedSecondIsReplacedWhenTheSecondChanges(String a, String b, String c) {
        CsvRecords records = new CsvRecords();

        assertThat(records.timestamp(Instant.parse(a))).isEqualTo(a);
        assertThat(records.timestamp(Instant.parse(b))).isEqualTo(b);
        assertThat(records.timestamp(Instant.parse(c))).isEqualTo(c);
    }
}
