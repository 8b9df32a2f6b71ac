package dev.comp2322.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import dev.comp2322.conformance.report.ConsoleReport;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Way 2 of the README: {@code ./mvnw -pl conformance-tests verify -Dconformance.target=http://127.0.0.1:8080
 * -Dconformance.profile=course} runs the whole catalogue against that server, one dynamic test per case;
 * a FAIL fails the build, a SKIPPED case is reported as skipped. Without the property it does not run.
 */
@EnabledIfSystemProperty(named = "conformance.target", matches = "https?://.+")
class TargetServerConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCaseAgainstTheTarget() {
        RunOptions options = RunOptions.of(System.getProperty("conformance.target"))
                .withProfile(ConformanceProfile.parse(System.getProperty("conformance.profile", "course")))
                .withPrefix(System.getProperty("conformance.prefix", ""))
                .withStrict(Boolean.parseBoolean(System.getProperty("conformance.strict", "false")))
                .withOnly(Arrays.stream(System.getProperty("conformance.only", "").split(",")).toList())
                .withTimeout(Duration.ofSeconds(Long.parseLong(System.getProperty("conformance.timeout", "5"))));
        ConsoleReport console = new ConsoleReport(System.out);
        RunReport report = ConformanceRun.run(options.withListener(console.progress()));
        console.summary(report);
        if (report.problem().isPresent()) {
            return Stream.of(DynamicTest.dynamicTest("run", () -> fail(report.problem().get())));
        }
        List<CaseResult> results = report.results();
        return results.stream().map(r -> DynamicTest.dynamicTest(r.id() + " [" + r.level() + ", " + r.reference() + "]", () -> {
            switch (r.outcome()) {
                case FAIL -> fail(r.reason() + " (accepts: " + r.accepts() + "; why it matters: " + r.why() + ")");
                case SKIPPED -> Assumptions.abort(r.reason());
                case PASS, WARN, INFO -> System.out.println(r.id() + " " + r.outcome() + ": " + r.reason());
            }
        }));
    }
}
