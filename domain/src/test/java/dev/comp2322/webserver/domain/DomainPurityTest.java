package dev.comp2322.webserver.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.comp2322.webserver.domain.archfixture.BadDomainCode;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The domain's purity (design.md: "pure Java, java.base only; no sockets, files, threads, system
 * clock or logging"), enforced over the production classes, and shown to fail on a bad class set.
 */
class DomainPurityTest {

    private static final String DOMAIN = "dev.comp2322.webserver.domain..";

    static final ArchRule NO_IO = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..", "java.net..")
            .because("the domain only decides; files and sockets belong to adapters-fs and adapters-socket (design.md)");

    static final ArchRule NO_CONCURRENCY = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
            .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
            .because("the domain is a pure function of request, files and clock; threads belong to adapters-socket");

    static final ArchRule ONLY_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain's pom has no compile dependencies: no library may leak into the core (style.md §1)");

    private static final Set<String> CLOCK_OWNERS = Set.of("java.time.Clock", "java.time.InstantSource");

    private static final DescribedPredicate<JavaAccess<?>> READS_SYSTEM_CLOCK = DescribedPredicate.describe(
            "System.currentTimeMillis/nanoTime, any now() in java.time, or Clock/InstantSource.system*()",
            access -> {
                String owner = access.getTargetOwner().getName();
                String name = access.getName();
                return (owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
                        || (owner.startsWith("java.time.") && name.equals("now"))
                        || (CLOCK_OWNERS.contains(owner) && name.startsWith("system"));
            });

    static final ArchRule NO_SYSTEM_CLOCK = noClasses().that().resideInAPackage(DOMAIN)
            .should().callMethodWhere(READS_SYSTEM_CLOCK)
            .because("time is data: the domain reads the instant the request carries, so tests can fix it (style.md §5)");

    static final ArchRule NO_CONSOLE_OR_LOGGING = noClasses().that().resideInAPackage(DOMAIN)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "java.lang.System$Logger")
            .because("the domain reports through its return values; printing and logging belong to app and adapters-log");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.comp2322.webserver.domain");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("no java.io, java.nio.file, java.nio.channels, java.net", NO_IO),
                Arguments.of("no java.util.concurrent or threads", NO_CONCURRENCY),
                Arguments.of("no library outside java.*", ONLY_JAVA),
                Arguments.of("never reads the system clock", NO_SYSTEM_CLOCK),
                Arguments.of("no console or logging", NO_CONSOLE_OR_LOGGING));
    }

    @Test
    @DisplayName("the import really holds the domain's production classes")
    void importsTheDomain() {
        assertThat(production.contain("dev.comp2322.webserver.domain.rules.StaticFileService")).isTrue();
        assertThat(production.contain(BadDomainCode.class)).isFalse();
    }

    @DisplayName("the production domain obeys")
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionObeys(String name, ArchRule rule) {
        rule.check(production);
    }

    @DisplayName("the rule reports the bad class set, naming the rule and its reason")
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void badClassSetIsReported(String name, ArchRule rule) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(BadDomainCode.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("because").contains("BadDomainCode");
    }

    @Test
    @DisplayName("java.io.File is caught by the I/O rule")
    void fileUseIsCaught() {
        var report = NO_IO.evaluate(new ClassFileImporter().importClasses(BadDomainCode.class)).getFailureReport();
        assertThat(report.getDetails()).anyMatch(line -> line.contains("java.io.File"));
    }

    @Test
    @DisplayName("Instant.now() is caught by the clock rule")
    void instantNowIsCaught() {
        var report = NO_SYSTEM_CLOCK.evaluate(new ClassFileImporter().importClasses(BadDomainCode.class)).getFailureReport();
        assertThat(report.getDetails()).anyMatch(line -> line.contains("Instant.now()"));
        assertThat(report.getDetails()).anyMatch(line -> line.contains("System.currentTimeMillis()"));
    }
}
