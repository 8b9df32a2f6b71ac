package dev.comp2322.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.catalogue.Catalogue;
import dev.comp2322.conformance.catalogue.ConformanceCase;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The kit proves itself: every case passes against a correct server and fails against a server with the matching defect. */
class KitAgainstFaultyServersTest {
    private static final Duration SHORT = Duration.ofSeconds(1);

    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void installFixture() throws Exception {
        root = dir.resolve("www");
        new FixtureInstaller(Fixture.standard()).install(root);
    }

    @ParameterizedTest(name = "{0} profile, strict")
    @EnumSource(ConformanceProfile.class)
    @DisplayName("every case passes against the correct server")
    @Timeout(90)
    void correctServerPassesEveryCase(ConformanceProfile profile) throws Exception {
        try (FaultyServer server = new FaultyServer(root, profile, EnumSet.noneOf(Defect.class))) {
            RunReport report = ConformanceRun.run(RunOptions.of(server.uri()).withProfile(profile).withStrict(true)
                    .withTimeout(SHORT));

            assertThat(report.results()).hasSize(Catalogue.all().size());
            assertThat(report.results().stream().filter(r -> r.outcome() != Outcome.PASS)
                    .map(r -> r.id() + " " + r.outcome() + ": " + r.reason()))
                    .as("cases that did not pass against the correct server").isEmpty();
            assertThat(report.exitCode()).isZero();
        }
    }

    static Stream<DefectTable.Row> rows() {
        return DefectTable.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("a server with one defect breaches exactly the cases that own it, no more, no fewer")
    @Timeout(120)
    void defectBreachesExactlyItsCases(DefectTable.Row row) throws Exception {
        try (FaultyServer server = new FaultyServer(root, row.profile(), row.defects())) {
            RunReport report = ConformanceRun.run(RunOptions.of(server.uri()).withProfile(row.profile())
                    .withTimeout(SHORT));
            Map<String, CaseResult> byId = report.results().stream()
                    .collect(Collectors.toMap(CaseResult::id, Function.identity()));
            Set<String> breached = report.results().stream()
                    .filter(r -> r.outcome() == Outcome.FAIL || r.outcome() == Outcome.WARN || r.outcome() == Outcome.INFO)
                    .map(CaseResult::id).collect(Collectors.toCollection(TreeSet::new));

            List<String> missed = row.breached().stream().filter(id -> !breached.contains(id))
                    .map(id -> id + " " + (byId.containsKey(id) ? byId.get(id).outcome() + ": " + byId.get(id).reason() : "did not run"))
                    .toList();
            List<String> misattributed = breached.stream().filter(id -> !row.breached().contains(id))
                    .map(id -> id + " " + byId.get(id).outcome() + ": " + byId.get(id).reason()).toList();

            assertThat(List.of(missed, misattributed))
                    .as("[cases the defect should breach but did not, cases that blame it although they do not own it];"
                            + " breached: " + breached)
                    .isEqualTo(List.of(List.of(), List.of()));
        }
    }

    @Test
    @DisplayName("every case in the catalogue fails against at least one faulty server")
    void everyCaseIsCoveredByADefect() {
        Set<String> covered = DefectTable.rows().stream().flatMap(r -> r.breached().stream()).collect(Collectors.toSet());
        Set<String> uncovered = Catalogue.all().stream().map(ConformanceCase::id).filter(id -> !covered.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(uncovered).as("cases no faulty server makes fail").isEmpty();
    }
}
