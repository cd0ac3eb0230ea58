package dev.ard.maven.extension;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The extension is an adapter (docs/architecture.md §1): it never reaches into the plugin or the store internals. */
class ArchitectureTest {

    private static final JavaClasses EXTENSION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ard.maven.extension");

    @Test
    void neverUsesThePlugin() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.maven.plugin..")
                .check(EXTENSION);
    }

    @Test
    void usesTheStoreOnlyThroughItsInterface() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.core.telemetry.store..")
                .check(EXTENSION);
    }
}
