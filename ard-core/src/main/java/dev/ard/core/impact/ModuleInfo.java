package dev.ard.core.impact;

import java.nio.file.Path;
import java.util.List;

/**
 * One reactor module as the impact analysis needs it. Paths are absolute; directories may be missing
 * (module not compiled yet, or without tests).
 *
 * @param id                 unique id, e.g. {@code groupId:artifactId}
 * @param baseDir            the module's base directory (where its pom.xml lives)
 * @param mainSourceRoots    compile source roots
 * @param testSourceRoots    test compile source roots
 * @param mainResourceRoots  resource directories
 * @param testResourceRoots  test resource directories
 * @param classesDir         compiled main classes ({@code target/classes}); {@code null}: not analysed (the module
 *                           only tells which module owns a changed path, and gets no precise answer itself)
 * @param testClassesDir     compiled test classes ({@code target/test-classes}); {@code null} as above
 * @param dependsOn          ids of reactor modules it depends on (any scope, test-jar included) and
 *                           its parent when that is in the reactor
 */
public record ModuleInfo(
        String id,
        Path baseDir,
        List<Path> mainSourceRoots,
        List<Path> testSourceRoots,
        List<Path> mainResourceRoots,
        List<Path> testResourceRoots,
        Path classesDir,
        Path testClassesDir,
        List<String> dependsOn) {

    public ModuleInfo {
        mainSourceRoots = copy(mainSourceRoots);
        testSourceRoots = copy(testSourceRoots);
        mainResourceRoots = copy(mainResourceRoots);
        testResourceRoots = copy(testResourceRoots);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    private static List<Path> copy(List<Path> paths) {
        return paths == null ? List.of() : List.copyOf(paths);
    }
}
