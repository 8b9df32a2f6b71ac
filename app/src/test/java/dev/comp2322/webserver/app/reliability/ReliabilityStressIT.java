package dev.comp2322.webserver.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stress command's Java side (runs only with {@code -Pstress}): starts {@code app/src/test/scripts/stress.py}
 * against the packaged jar — 10,000 idle connections, 1,000 slowloris clients, Log.csv faults, a 30 s
 * soak of 256 keep-alive clients ended by SIGTERM under load — requires it to pass, then parses the
 * soak's Log.csv with commons-csv too: as many well-formed records as responses the clients received.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ReliabilityStressIT {

    @Test
    void theStressRunPassesAndItsLogParsesWithCommonsCsv() throws Exception {
        Path jar = Path.of(System.getProperty("webserver.jar", "target/webserver.jar")).toAbsolutePath();
        Path script = Path.of("src", "test", "scripts", "stress.py").toAbsolutePath();
        Path work = Path.of("target", "stress").toAbsolutePath();
        Path output = Path.of("target", "stress-output.txt").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder("python3", script.toString(), "--jar", jar.toString(), "--java", java,
                "--workdir", work.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(process.waitFor(14, TimeUnit.MINUTES)).as("stress.py finished").isTrue();
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        System.out.println(Files.readString(output));
        assertThat(process.exitValue()).as("stress.py passed (output: %s)", output).isZero();
        String summary = Files.readString(work.resolve("summary.json"));
        long received = number(summary, "responses_received");
        List<CSVRecord> records = parse(work.resolve("soak").resolve("Log.csv"));
        assertThat(records).hasSize((int) received);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.isConsistent()).isTrue();
            assertThat(record.get("status")).isEqualTo("200");
        });
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\\d+)").matcher(json);
        assertThat(m.find()).as(key + " in summary.json").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<CSVRecord> parse(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
