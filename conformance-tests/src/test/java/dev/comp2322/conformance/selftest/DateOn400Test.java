package dev.comp2322.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * date-on-400 judges a server that does not check Host on some other 400 (audit, issue 9 §3): it was SKIPPED
 * behind host-missing, which hid a missing Date on every 400 of such a server.
 */
class DateOn400Test {
    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void installFixture() throws Exception {
        root = dir.resolve("www");
        new FixtureInstaller(Fixture.standard()).install(root);
    }

    private static CaseResult dateOn400(Set<Defect> defects) throws Exception {
        try (FaultyServer server = new FaultyServer(root, ConformanceProfile.COURSE, defects)) {
            return ConformanceRun.run(RunOptions.of(server.uri()).withOnly(List.of("date-on-400"))
                    .withTimeout(Duration.ofSeconds(1))).results().stream()
                    .filter(r -> r.id().equals("date-on-400")).findFirst().orElseThrow();
        }
    }

    @Test
    @Timeout(30)
    @DisplayName("a server that accepts a missing Host and sends no Date fails date-on-400")
    void lenientServerWithoutDateFails() throws Exception {
        CaseResult r = dateOn400(EnumSet.of(Defect.LENIENT, Defect.NO_DATE));

        assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.FAIL);
        assertThat(r.reason()).contains("400 response has no Date");
    }

    @Test
    @Timeout(30)
    @DisplayName("a server that accepts a missing Host but dates its 400s passes date-on-400")
    void lenientServerWithDatePasses() throws Exception {
        CaseResult r = dateOn400(EnumSet.of(Defect.LENIENT));

        assertThat(r.outcome()).as(r.reason()).isEqualTo(Outcome.PASS);
    }

    @Test
    @Timeout(30)
    @DisplayName("a probe's forbidden status (501 for an unknown method) is not blamed on date-on-400")
    void probeStatusesAreNotJudgedHere() throws Exception {
        CaseResult r = dateOn400(EnumSet.of(Defect.LENIENT, Defect.COURSE_FORBIDDEN_STATUSES));

        assertThat(r.outcome()).as(r.reason()).isNotEqualTo(Outcome.FAIL);
    }
}
