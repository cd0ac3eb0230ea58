package dev.ard.maven.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Shared Maven-side code sits below both adapters (docs/architecture.md §1). */
class ArchitectureTest {

    private static final JavaClasses SUPPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ard.maven.support");

    @Test
    void dependsOnNeitherAdapter() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ard.maven.extension..", "dev.ard.maven.plugin..")
                .check(SUPPORT);
    }

    @Test
    void usesTheStoreOnlyThroughItsInterface() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.core.telemetry.store..")
                .check(SUPPORT);
    }
}
