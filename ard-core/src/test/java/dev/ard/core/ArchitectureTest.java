package dev.ard.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of ard-core that the build enforces (docs/architecture.md §1). */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ard.core");
    }

    @Test
    void coreHasNoMavenApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.maven..",
                        "org.codehaus.plexus..",
                        "org.eclipse.aether..",
                        "org.eclipse.sisu..",
                        "javax.inject..")
                .because("ard-core is the Maven-free heart; the Maven modules are adapters over it")
                .check(core);
    }

    @Test
    void coreDoesNotReachIntoTheMavenModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ard.maven..", "dev.ard.surefire..")
                .check(core);
    }

    @Test
    void storeInternalsStayBehindTheTelemetryPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.ard.core.telemetry", "dev.ard.core.telemetry.store..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.core.telemetry.store..")
                .because("callers use the TelemetryStore interface; the JDBC store is an implementation detail")
                .check(core);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.ard.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void contextImpactAndIoAreLeaves() {
        // context (CI detection), impact (bytecode graph) and io (bounded reads of untrusted input) are leaves:
        // everything may use them, they use nothing of ARD.
        noClasses()
                .that()
                .resideInAnyPackage("dev.ard.core.context..", "dev.ard.core.impact..", "dev.ard.core.io..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ard.core.selection..",
                        "dev.ard.core.telemetry..",
                        "dev.ard.core.attest..",
                        "dev.ard.core.git..",
                        "dev.ard.core.settings..")
                .check(core);
    }

    @Test
    void attestPackagesDependOneWay() {
        // model <- json <- sign <- verify, as sigstore-java separates values, encoding, signing and verification.
        noClasses()
                .that()
                .resideInAPackage("dev.ard.core.attest.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ard.core.attest.json..", "dev.ard.core.attest.sign..", "dev.ard.core.attest.verify..")
                .check(core);
        noClasses()
                .that()
                .resideInAPackage("dev.ard.core.attest.json..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ard.core.attest.sign..", "dev.ard.core.attest.verify..")
                .check(core);
        noClasses()
                .that()
                .resideInAPackage("dev.ard.core.attest.sign..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.core.attest.verify..")
                .check(core);
    }

    @Test
    void selectionDoesNotDependOnAttestations() {
        // The provenance byproduct reads the selection file, not the other way round.
        noClasses()
                .that()
                .resideInAPackage("dev.ard.core.selection..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.core.attest..")
                .check(core);
    }

    @Test
    void settingsSitAboveTheDomain() {
        // The catalogue describes every package's settings and parses them with their types; the domain packages take
        // plain values, so none of them reads the catalogue.
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ard.core.settings..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ard.core.settings..")
                .check(core);
    }
}
