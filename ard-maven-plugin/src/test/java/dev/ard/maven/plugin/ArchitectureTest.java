package dev.ard.maven.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin is an adapter (docs/architecture.md §1): it never reaches into the extension or the store internals. */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ard.maven.plugin");

    @Test
    void neverUsesTheExtension() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.maven.extension..")
                .check(PLUGIN);
    }

    @Test
    void usesTheStoreOnlyThroughItsInterface() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.core.telemetry.store..")
                .check(PLUGIN);
    }
}
