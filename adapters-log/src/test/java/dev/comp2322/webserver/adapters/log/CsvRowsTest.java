package dev.comp2322.webserver.adapters.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.AccessLogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rows' bytes: the hand-rolled number and time formats, and text values exactly as commons-csv prints them. */
class CsvRowsTest {

    private final RowEncoder encoder = new RowEncoder();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-28T07:30:01Z, 2026-11-28T07:30:01.000Z",
        "2026-11-28T07:30:01.007Z, 2026-11-28T07:30:01.007Z",
        "2026-11-28T07:30:01.05Z, 2026-11-28T07:30:01.050Z",
        "2026-11-28T07:30:01.999999999Z, 2026-11-28T07:30:01.999Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z"})
    void timestampsAreUtcWithMilliseconds(String instant, String written) {
        assertThat(row(entry(Instant.parse(instant), Duration.ZERO, "/", ""))).startsWith(written + ",127.0.0.1,");
    }

    @Test
    void oneEncoderFollowsTheClockAcrossSecondsAndBackwards() {
        List<String> instants = List.of("2026-11-28T07:30:01.001Z", "2026-11-28T07:30:01.002Z",
                "2026-11-28T07:30:02.003Z", "2026-11-28T07:30:01.004Z", "1969-12-31T23:59:59.500Z",
                "2026-11-28T07:30:01.005Z");

        assertThat(instants).allSatisfy(text ->
                assertThat(row(entry(Instant.parse(text), Duration.ZERO, "/", ""))).startsWith(text + ","));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT0S, 0.000", "PT0.000000999S, 0.000", "PT0.000153S, 0.153", "PT0.0015S, 1.500",
            "PT12.345678S, 12345.678", "PT-0.002S, -2.000"})
    void durationsAreMillisecondsWithThreeDecimals(String duration, String written) {
        assertThat(row(entry(Instant.EPOCH, Duration.parse(duration), "/", "")))
                .endsWith(",200,1," + written + ",\r\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/index.html", "", "a,b", "say \"hi\"", "line\nbreak", "cr\r", " lead", "trail ", "#x",
            "!x", "$x", "x#y z!", "=1", "+1", "-1", "@x", "\tx", "café", "数据 😀", "~", "\u007f", "a\u0000b"})
    void textIsExactlyWhatCommonsCsvPrints(String value) {
        AccessLogEntry entry = entry(Instant.parse("2026-11-28T07:30:01.5Z"), Duration.ofMillis(3), value, value);

        assertThat(row(entry)).isEqualTo(commonsCsv(entry));
    }

    @Test
    void randomTextIsExactlyWhatCommonsCsvPrints() {
        Random random = new Random(2322);
        char[] alphabet = " !\"#$%&',-=+@\t\r\n;:/?azAZ09~\u007f\u00e9\u6570".toCharArray();
        List<AccessLogEntry> entries = IntStream.range(0, 5_000).mapToObj(i -> {
            char[] text = new char[random.nextInt(6)];
            for (int c = 0; c < text.length; c++) {
                text[c] = alphabet[random.nextInt(alphabet.length)];
            }
            return entry(Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L)), Duration.ofNanos(random.nextLong(1L << 40)),
                    new String(text), new String(text).repeat(2));
        }).toList();

        String expected = String.join("", entries.stream().map(CsvRowsTest::commonsCsv).toList());
        assertThat(StandardCharsets.UTF_8.decode(encoder.encode(entries)).toString()).isEqualTo(expected);
    }

    @Test
    void aBufferGrownByABurstStillEncodesTheNextBatch() {
        AccessLogEntry entry = entry(Instant.EPOCH, Duration.ZERO, "/".repeat(1000), "");
        List<AccessLogEntry> burst = java.util.Collections.nCopies(1_000, entry);

        assertThat(encoder.encode(burst).remaining()).isGreaterThan(1_000_000);
        assertThat(row(entry(Instant.EPOCH, Duration.ZERO, "/a", "")))
                .isEqualTo("1970-01-01T00:00:00.000Z,127.0.0.1,51234,GET,/a,HTTP/1.1,200,1,0.000,\r\n");
    }

    private String row(AccessLogEntry entry) {
        return StandardCharsets.UTF_8.decode(encoder.encode(List.of(entry))).toString();
    }

    private static AccessLogEntry entry(Instant at, Duration duration, String target, String userAgent) {
        return new AccessLogEntry(at, "127.0.0.1", 51234, "GET", target, "HTTP/1.1", 200, 1, duration, userAgent);
    }

    /** The row as plain commons-csv prints it (timestamps and durations checked above, so taken from the encoder). */
    private static String commonsCsv(AccessLogEntry e) {
        String ours = StandardCharsets.UTF_8.decode(new RowEncoder().encode(List.of(e))).toString();
        String timestamp = ours.substring(0, ours.indexOf(','));
        StringBuilder out = new StringBuilder();
        try {
            CsvAccessLog.FORMAT.printRecord(out, timestamp, e.clientIp(), e.clientPort(), CsvAccessLog.defused(e.method()),
                    CsvAccessLog.defused(e.target()), CsvAccessLog.defused(e.version()), e.status(), e.bytesSent(),
                    durationText(e.duration()), CsvAccessLog.defused(e.userAgent()));
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return out.toString();
    }

    private static String durationText(Duration duration) {
        long micros = Math.abs(duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000);
        return (duration.isNegative() ? "-" : "") + micros / 1_000 + "." + String.format("%03d", micros % 1_000);
    }
}
