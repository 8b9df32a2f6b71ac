package dev.comp2322.webserver.app.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule, run over a deliberately bad class set from
 * {@code dev.comp2322.webserver.archfixtures}, fails with a message that names the rule's reason and
 * the offending class: proof that the rules in {@link ArchitectureTest} can fail.
 */
@DisplayName("Each architecture rule fails on a class set that breaks it")
class ArchitectureRulesCanFailTest {

    private static final String FIXTURES = "dev.comp2322.webserver.archfixtures";

    @Test
    @DisplayName("an fs adapter that uses the log adapter breaks 'adapters never depend on each other'")
    void adapterUsingAnotherAdapterFails() {
        ArchitectureRules rules = rulesFor("adaptercycle");

        expectViolation(rules.adaptersDoNotDependOnEachOther(), classesOf("adaptercycle"),
                ArchitectureRules.ADAPTERS_APART_REASON, "LookupThatLogs");
    }

    @Test
    @DisplayName("an fs adapter that uses the log adapter breaks the layers")
    void adapterUsingAnotherAdapterBreaksTheLayers() {
        ArchitectureRules rules = rulesFor("adaptercycle");

        expectViolation(rules.layers(), classesOf("adaptercycle"), ArchitectureRules.LAYERS_REASON, "LookupThatLogs");
    }

    @Test
    @DisplayName("a domain class that uses the socket adapter breaks 'only the app depends on adapters'")
    void domainUsingAnAdapterFails() {
        ArchitectureRules rules = rulesFor("domainleak");

        expectViolation(rules.onlyTheAppDependsOnAdapters(), classesOf("domainleak"),
                ArchitectureRules.ONLY_APP_USES_ADAPTERS_REASON, "DeciderThatKnowsTheWire");
    }

    @Test
    @DisplayName("a domain class that uses picocli breaks 'the domain depends on nothing but itself and the JDK'")
    void domainUsingALibraryFails() {
        ArchitectureRules rules = rulesFor("impuredomain");

        expectViolation(rules.domainDependsOnlyOnItselfAndTheJdk(), classesOf("impuredomain"),
                ArchitectureRules.DOMAIN_SELF_CONTAINED_REASON, "picocli.CommandLine");
    }

    @Test
    @DisplayName("a domain class that uses java.io.File breaks 'the domain does no I/O'")
    void domainDoingIoFails() {
        ArchitectureRules rules = rulesFor("impuredomain");

        expectViolation(rules.domainDoesNoIo(), classesOf("impuredomain"),
                ArchitectureRules.DOMAIN_NO_IO_REASON, "java.io.File");
    }

    @Test
    @DisplayName("a domain class that calls Instant.now() breaks 'the domain never reads the system clock'")
    void domainReadingTheClockFails() {
        ArchitectureRules rules = rulesFor("impuredomain");

        expectViolation(rules.domainReadsNoClock(), classesOf("impuredomain"),
                ArchitectureRules.DOMAIN_NO_CLOCK_REASON, "Instant.now()");
    }

    @Test
    @DisplayName("a domain class that calls System.currentTimeMillis() breaks 'the domain never reads the system clock'")
    void domainReadingMillisFails() {
        ArchitectureRules rules = rulesFor("impuredomain");

        expectViolation(rules.domainReadsNoClock(), classesOf("impuredomain"),
                ArchitectureRules.DOMAIN_NO_CLOCK_REASON, "System.currentTimeMillis()");
    }

    @Test
    @DisplayName("a kit class that uses a server class breaks 'the kit is a black box'")
    void kitUsingAServerClassFails() {
        ArchitectureRules rules = rulesFor("kitleak");

        expectViolation(rules.kitDependsOnNoServerClass(), classesOf("kitleak"),
                ArchitectureRules.KIT_BLACK_BOX_REASON, "KitCaseThatPeeks");
    }

    @Test
    @DisplayName("a port declared in the socket adapter breaks 'ports are declared in domain.port'")
    void portDeclaredInAnAdapterFails() {
        ArchitectureRules rules = rulesFor("adapterport");

        expectViolation(rules.portsAreDeclaredInTheDomain(), classesOf("adapterport"),
                ArchitectureRules.PORTS_IN_DOMAIN_REASON, "BytesSource");
    }

    @Test
    @DisplayName("a port in domain.port and the adapter that implements it pass 'ports are declared in domain.port'")
    void portDeclaredInTheDomainPasses() {
        ArchitectureRules rules = rulesFor("domainport");

        rules.portsAreDeclaredInTheDomain().check(classesOf("domainport"));
    }

    @Test
    @DisplayName("a class outside every layer breaks the layers (ensureAllClassesAreContainedInArchitecture)")
    void classOutsideTheLayersFails() {
        ArchitectureRules rules = rulesFor("stray");

        expectViolation(rules.layers(), classesOf("stray"), ArchitectureRules.LAYERS_REASON, "StrayHelper");
    }

    @Test
    @DisplayName("a command whose options are picocli annotations breaks 'the command line is declared without annotations'")
    void annotatedCommandFails() {
        ArchitectureRules rules = rulesFor("annotatedcommand");

        expectViolation(rules.commandLineDeclaredWithoutAnnotations(), classesOf("annotatedcommand"),
                ArchitectureRules.COMMAND_LINE_WITHOUT_ANNOTATIONS_REASON, "AnnotatedCommand");
    }

    private static ArchitectureRules rulesFor(String fixture) {
        return ArchitectureRules.forFixture(FIXTURES + "." + fixture);
    }

    private static JavaClasses classesOf(String fixture) {
        return new ClassFileImporter().importPackages(FIXTURES + "." + fixture);
    }

    private static void expectViolation(ArchRule rule, JavaClasses classes, String reason, String offender) {
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("because " + reason)
                .hasMessageContaining(offender);
    }
}
