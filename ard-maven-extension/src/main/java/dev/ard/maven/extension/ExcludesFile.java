package dev.ard.maven.extension;

import dev.ard.core.selection.TestClassFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-execution {@code excludesFile} that carries a selection to Surefire/Failsafe (docs/architecture.md §3): the
 * user's own excludes file first, then one {@code com/x/FooTest.class} line per skipped class (not selected, or
 * quarantined: see {@link QuarantineInjector}). It only narrows
 * what runs: the user's includes, excludes and groups still apply on top.
 */
final class ExcludesFile {

    private ExcludesFile() {}

    /**
     * The lines of the file.
     *
     * @param userExcludesFile the user's own excludes file, or {@code null}
     * @param userExcludes     whether the user configured {@code <excludes>}: if not, Surefire's default exclude of
     *                         nested classes ({@code **}{@code /*$*}) must be kept, because Surefire drops it as soon as
     *                         any exclude is given
     * @param skipped          the classes to leave out
     * @param selected         the classes to run: a skipped class whose pattern would also match one of them (Surefire
     *                         puts {@code **}{@code /} in front of every pattern) is kept, failing open
     */
    static List<String> lines(
            Path userExcludesFile, boolean userExcludes, Collection<String> skipped, Collection<String> selected)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(
                "# written by ARD: the classes below were not selected for this change, or are quarantined (they run in"
                        + " the ard-quarantine execution)");
        if (userExcludesFile != null) {
            lines.addAll(Files.readAllLines(userExcludesFile, StandardCharsets.UTF_8));
        } else if (!userExcludes) {
            lines.add(TestClassFilter.DEFAULT_EXCLUDE);
        }
        Set<String> selectedPaths = new HashSet<>();
        for (String className : selected) {
            selectedPaths.add(classFile(className));
        }
        for (String className : skipped) {
            String path = classFile(className);
            if (selectedPaths.stream().noneMatch(s -> !s.equals(path) && s.endsWith("/" + path))) {
                lines.add(path);
            }
        }
        return lines;
    }

    static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
