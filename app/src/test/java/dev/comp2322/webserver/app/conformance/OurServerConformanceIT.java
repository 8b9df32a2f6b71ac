package dev.comp2322.webserver.app.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.conformance.CaseResult;
import dev.comp2322.conformance.ConformanceProfile;
import dev.comp2322.conformance.ConformanceRun;
import dev.comp2322.conformance.Outcome;
import dev.comp2322.conformance.RunOptions;
import dev.comp2322.conformance.RunReport;
import dev.comp2322.conformance.fixture.Fixture;
import dev.comp2322.conformance.fixture.FixtureInstaller;
import dev.comp2322.conformance.report.ConsoleReport;
import dev.comp2322.conformance.report.HtmlReport;
import dev.comp2322.conformance.report.JsonReport;
import dev.comp2322.conformance.report.JunitXmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Way 1 of the conformance kit's README: the whole catalogue, in-process, against our packaged
 * {@code webserver.jar} running as a separate process on a free port, in the profile the server was
 * started with. Every MUST case passes; SHOULD breaches (WARN) are printed with the kit's table. The
 * HTML, JSON and JUnit XML reports land in {@code app/target/conformance/} for inspection.
 */
@Timeout(240)
class OurServerConformanceIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** The kit's per-read deadline: generous, since the build machine may be busy. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} profile: every MUST case passes against webserver.jar")
    @EnumSource(ConformanceProfile.class)
    void everyMustCasePassesAgainstThePackagedServer(ConformanceProfile profile) throws Exception {
        Path root = dir.resolve("www");
        FixtureInstaller.Installed fixture = new FixtureInstaller(Fixture.standard()).install(root);
        assertThat(fixture.warnings()).as("fixture installed completely (symlink included)").isEmpty();

        RunReport report;
        int exitCode;
        try (PackagedServer server = PackagedServer.start(jar(), dir, root, dir.resolve("Log.csv"), START_TIMEOUT,
                "--profile", profile.label())) {
            report = ConformanceRun.run(RunOptions.of(server.baseUri()).withProfile(profile).withTimeout(READ_TIMEOUT));
            exitCode = server.stop();
            assertThat(server.stderr()).as("nothing on the server's stderr").isEmpty();
        }
        System.out.println("Conformance kit, " + profile.label() + " profile, against " + jar());
        new ConsoleReport(System.out).summary(report);
        writeReports(report, profile);

        assertThat(report.problem()).as("the kit could run").isEmpty();
        assertThat(report.with(Outcome.FAIL)).as("FAILed cases (see the table above)")
                .extracting(CaseResult::id, CaseResult::reason).isEmpty();
        assertThat(report.exitCode()).isZero();
        assertThat(exitCode).as("the server's exit code after SIGTERM").isZero();
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("webserver.jar", "target/webserver.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar, built in the package phase").exists();
        return jar;
    }

    private static void writeReports(RunReport report, ConformanceProfile profile) throws IOException {
        Path out = Path.of(System.getProperty("conformance.reports", "target/conformance"));
        Files.createDirectories(out);
        HtmlReport.write(report, out.resolve(profile.label() + ".html"));
        JsonReport.write(report, out.resolve(profile.label() + ".json"));
        JunitXmlReport.write(report, out.resolve(profile.label() + ".xml"));
    }
}
