package dev.comp2322.webserver.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules over the real production classes of every module. The app is the one module
 * whose class path holds them all; test classes (and so the bad fixtures) are not imported.
 */
@DisplayName("The production classes follow the architecture")
class ArchitectureTest {

    private static final ArchitectureRules RULES = ArchitectureRules.forProject();
    private static JavaClasses server;
    private static JavaClasses kit;

    @BeforeAll
    static void importProductionClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        server = importer.importPackages(RULES.serverPackage());
        kit = importer.importPackages(RULES.kitPackage(), RULES.serverPackage());
    }

    @Test
    @DisplayName("domain ← adapters ← app, and every class belongs to a layer")
    void layersPointInward() {
        RULES.layers().check(server);
    }

    @Test
    @DisplayName("no adapter depends on another adapter")
    void adaptersStayApart() {
        RULES.adaptersDoNotDependOnEachOther().check(server);
    }

    @Test
    @DisplayName("nothing but the app depends on an adapter")
    void onlyTheAppUsesAdapters() {
        RULES.onlyTheAppDependsOnAdapters().check(server);
    }

    @Test
    @DisplayName("the domain depends on nothing but itself and the JDK")
    void domainIsSelfContained() {
        RULES.domainDependsOnlyOnItselfAndTheJdk().check(server);
    }

    @Test
    @DisplayName("the domain does no I/O, networking or concurrency")
    void domainDoesNoIo() {
        RULES.domainDoesNoIo().check(server);
    }

    @Test
    @DisplayName("the domain never reads the system clock")
    void domainReadsNoClock() {
        RULES.domainReadsNoClock().check(server);
    }

    @Test
    @DisplayName("ports are declared in domain.port: adapters implement, never define, them")
    void portsAreDeclaredInTheDomain() {
        RULES.portsAreDeclaredInTheDomain().check(server);
    }

    @Test
    @DisplayName("the command line uses no picocli annotation (start-up: no runtime proxies)")
    void commandLineDeclaredWithoutAnnotations() {
        RULES.commandLineDeclaredWithoutAnnotations().check(server);
    }

    @Test
    @DisplayName("the conformance kit uses no server class")
    void kitIsABlackBox() {
        RULES.kitDependsOnNoServerClass().check(kit);
    }
}
