package dev.comp2322.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.Level;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9 §4: a FAIL's reason is never cut, and the last two lines keep their exact format. */
class ConsoleReportTest {
    private static final String LONG = "expected 400, got " + "x".repeat(300) + " (the end of a long reason)";

    private static CaseResult result(String id, Outcome outcome, String reason) {
        return new CaseResult(id, "title", "RFC 9110 §1", Level.MUST, outcome, reason, "why", "accepts",
                Duration.ZERO, List.of());
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleReport console = new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    @DisplayName("a FAIL's reason is printed whole in the progress line and in the table; a PASS detail may be shortened")
    void failReasonIsNeverCut() {
        CaseResult fail = result("a-fail", Outcome.FAIL, LONG);
        CaseResult pass = result("a-pass", Outcome.PASS, "y".repeat(300));
        RunReport report = new RunReport(RunOptions.of("http://127.0.0.1:9"), Instant.now(), Duration.ZERO,
                List.of(fail, pass), Optional.empty());

        console.progress().finished(fail, 1, 2);
        console.summary(report);

        assertThat(lines()).filteredOn(l -> l.contains("a-fail") && l.endsWith("(the end of a long reason)")).hasSize(3);
        assertThat(lines()).filteredOn(l -> l.contains("a-pass")).allSatisfy(l -> assertThat(l).endsWith("..."));
    }

    @Test
    @DisplayName("the last line is exactly 'N passed, M failed, K skipped', the notes line just before it; counts add up")
    void summaryLinesKeepTheirFormat() {
        RunReport report = new RunReport(RunOptions.of("http://127.0.0.1:9"), Instant.now(), Duration.ZERO, List.of(
                result("p", Outcome.PASS, "ok"), result("f", Outcome.FAIL, "bad"), result("w", Outcome.WARN, "meh"),
                result("i", Outcome.INFO, "fyi"), result("s", Outcome.SKIPPED, "needs p")), Optional.empty());

        console.summary(report);

        List<String> lines = lines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 passed, 1 failed, 1 skipped");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("1 warning, 1 info");
    }
}
