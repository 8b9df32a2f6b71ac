package dev.comp2322.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kit is a black box (issue 4): it talks to servers over TCP only and never sees their classes. */
class BlackBoxArchitectureTest {
    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.comp2322.conformance");

    @Test
    @DisplayName("no kit class depends on the web server's classes")
    void kitDoesNotDependOnTheServer() {
        noClasses().that().resideInAPackage("dev.comp2322.conformance..")
                .should().dependOnClassesThat().resideInAPackage("dev.comp2322.webserver..")
                .because("the kit must judge any server only by what it sends over TCP")
                .check(KIT);
    }
}
