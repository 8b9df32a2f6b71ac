package dev.comp2322.conformance.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 §5: a full run against a server that wastes the client's time still ends within a minute at the
 * default timeout, and says truthfully what happened. The wall-time assertions are the requirement itself
 * (a correctness property of the kit), with a wide margin. The runs mostly wait on the server, so they
 * run side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class RunBudgetTest {
    private static final Duration DEFAULT = Duration.ofSeconds(5);
    private static final long MINUTE_MS = 60_000;

    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void installFixture() throws Exception {
        root = dir.resolve("www");
        new FixtureInstaller(Fixture.standard()).install(root);
    }

    private static Timed run(MisbehavingServer.Mode mode, Duration timeout) throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(mode, root)) {
            long start = System.nanoTime();
            RunReport report = ConformanceRun.run(RunOptions.of(server.uri()).withTimeout(timeout)
                    .withListener((r, i, n) -> {
                        if (Boolean.getBoolean("kit.verbose")) {
                            System.out.println((System.nanoTime() - start) / 1_000_000 + " ms: " + i + " " + r.id()
                                    + " " + r.outcome() + " " + r.elapsed().toMillis());
                        }
                    }));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println(mode + " at " + timeout.toSeconds() + " s: " + millis + " ms; "
                    + report.notesLine() + "; " + report.summaryLine());
            if (Boolean.getBoolean("kit.verbose")) {
                report.results().stream().filter(r -> r.outcome() != Outcome.PASS)
                        .forEach(r -> System.out.println("  " + r.outcome() + " " + r.id() + " " + r.elapsed().toMillis() + " ms: " + r.reason()));
            }
            return new Timed(report, millis);
        }
    }

    private record Timed(RunReport report, long millis) {
        Map<String, CaseResult> byId() {
            return report.results().stream().collect(Collectors.toMap(CaseResult::id, Function.identity()));
        }
    }

    private static void assertCountsAddUp(RunReport report) {
        assertThat(report.results()).hasSize(Catalogue.all().size());
        long counted = report.passed() + report.failed() + report.count(Outcome.SKIPPED)
                + report.count(Outcome.WARN) + report.count(Outcome.INFO);
        assertThat(counted).isEqualTo(report.results().size());
    }

    @Test
    @Timeout(120)
    @DisplayName("a server that accepts and never answers: under a minute, and 'no response in 5 s' only where nothing arrived")
    void silentServer() throws Exception {
        Timed t = run(MisbehavingServer.Mode.SILENT, DEFAULT);

        assertThat(t.millis()).isLessThan(MINUTE_MS);
        assertCountsAddUp(t.report());
        CaseResult base = t.byId().get("get-html");
        assertThat(base.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(base.reason()).startsWith("expected 200 with index.html, got no response in ");
        assertThat(t.report().with(Outcome.SKIPPED)).allSatisfy(r ->
                assertThat(r.reason()).containsAnyOf("needs ", "time budget"));
    }

    @Test
    @Timeout(120)
    @DisplayName("a server that hangs on every other request: under a minute")
    void hangsEveryOtherRequest() throws Exception {
        Timed t = run(MisbehavingServer.Mode.HANGS_EVERY_OTHER, DEFAULT);

        assertThat(t.millis()).isLessThan(MINUTE_MS);
        assertCountsAddUp(t.report());
        assertThat(t.report().passed()).as("cases whose requests were answered still pass").isPositive();
    }

    @Test
    @Timeout(120)
    @DisplayName("bare LF, no Content-Length, never closes: under a minute, the body still judged, the wire defects reported by their own cases")
    void bareLfUnterminated() throws Exception {
        Timed t = run(MisbehavingServer.Mode.BARE_LF_UNTERMINATED, DEFAULT);
        Map<String, CaseResult> byId = t.byId();

        assertThat(t.millis()).isLessThan(MINUTE_MS);
        assertCountsAddUp(t.report());
        assertThat(byId.get("get-html").outcome()).as(byId.get("get-html").reason()).isEqualTo(Outcome.PASS);
        assertThat(byId.get("get-png").outcome()).as(byId.get("get-png").reason()).isEqualTo(Outcome.PASS);
        assertThat(byId.get("status-line-format").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(byId.get("status-line-format").reason()).contains("bare LF");
        assertThat(byId.get("close-when-asked").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(t.report().results()).filteredOn(r -> r.outcome() == Outcome.FAIL)
                .allSatisfy(r -> assertThat(r.reason()).doesNotContain("no response in"));
    }

    @Test
    @Timeout(300)
    @DisplayName("at --timeout 12s the bare-LF, never-closing server takes under three minutes (yesterday: 14.7 min)")
    void bareLfUnterminatedAtTwelveSeconds() throws Exception {
        Timed t = run(MisbehavingServer.Mode.BARE_LF_UNTERMINATED, Duration.ofSeconds(12));

        assertThat(t.millis()).isLessThan(3 * MINUTE_MS);
        assertCountsAddUp(t.report());
        assertThat(t.byId().get("get-html").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    @Timeout(300)
    @DisplayName("at --timeout 12s a server that hangs on every other request takes under three minutes")
    void hangsEveryOtherRequestAtTwelveSeconds() throws Exception {
        Timed t = run(MisbehavingServer.Mode.HANGS_EVERY_OTHER, Duration.ofSeconds(12));

        assertThat(t.millis()).isLessThan(3 * MINUTE_MS);
        assertCountsAddUp(t.report());
    }

    @Test
    @Timeout(300)
    @DisplayName("at --timeout 12s a server that accepts and never answers takes under three minutes")
    void silentServerAtTwelveSeconds() throws Exception {
        Timed t = run(MisbehavingServer.Mode.SILENT, Duration.ofSeconds(12));

        assertThat(t.millis()).isLessThan(3 * MINUTE_MS);
        assertCountsAddUp(t.report());
        assertThat(t.byId().get("get-html").reason()).startsWith("expected 200 with index.html, got no response in ");
    }
}
