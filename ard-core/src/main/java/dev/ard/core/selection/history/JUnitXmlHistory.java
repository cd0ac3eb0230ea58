package dev.ard.core.selection.history;

import dev.ard.core.telemetry.AttemptKind;
import dev.ard.core.telemetry.JUnitXmlReports;
import dev.ard.core.telemetry.TestAttempt;
import dev.ard.core.telemetry.XmlReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JUnit XML report folders, one sub-folder per build, sorted by name (name them so: {@code 0001}, {@code 0002},
 * …). Each holds the build's {@code TEST-*.xml} (read with the XXE-safe {@link JUnitXmlReports}) and optionally
 * {@code changes.txt}, one changed path per line. A class failed when one of its methods' final attempt failed or
 * erred; a method that failed and then passed on a rerun is flaky.
 */
final class JUnitXmlHistory {

    /** The optional per-build file listing changed paths. */
    public static final String CHANGES_FILE = "changes.txt";

    private JUnitXmlHistory() {}

    /** @throws IOException when the folder cannot be listed or a report is unreadable (named in the message) */
    public static History read(Path dir) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            children.forEach(folders::add);
        }
        folders.sort(null);
        List<HistoryBuild> builds = new ArrayList<>();
        long order = 0;
        for (Path folder : folders) {
            XmlReadResult reports = JUnitXmlReports.read(folder, null);
            if (reports.hasProblems()) {
                throw new IOException(folder.getFileName() + ": " + String.join("; ", reports.problems()));
            }
            Path changes = folder.resolve(CHANGES_FILE);
            List<String> paths = Files.isRegularFile(changes)
                    ? Files.readAllLines(changes, StandardCharsets.UTF_8).stream()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList()
                    : List.of();
            builds.add(new HistoryBuild(
                    String.valueOf(folder.getFileName()), ++order, null, paths, classes(reports.attempts())));
        }
        return new History("junit-xml:" + dir, builds, false);
    }

    /** Folds method attempts (in report order) into one {@link TestRun} per class. */
    static Map<String, TestRun> classes(List<TestAttempt> attempts) {
        Map<String, List<TestAttempt>> byMethod = new LinkedHashMap<>();
        for (TestAttempt a : attempts) {
            byMethod.computeIfAbsent(a.className() + "#" + a.methodName(), k -> new ArrayList<>())
                    .add(a);
        }
        Map<String, TestRun> classes = new HashMap<>();
        for (List<TestAttempt> runs : byMethod.values()) {
            TestAttempt last = runs.get(runs.size() - 1);
            boolean anyFailure = runs.stream().anyMatch(JUnitXmlHistory::failing);
            boolean failed = failing(last);
            double ms = runs.stream().mapToLong(TestAttempt::durationMs).sum();
            TestRun run = new TestRun(last.className(), failed, anyFailure && !failed, ms);
            classes.merge(last.className(), run, TestRun::merge);
        }
        return new java.util.TreeMap<>(classes);
    }

    private static boolean failing(TestAttempt a) {
        return a.kind() == AttemptKind.FAILURE || a.kind() == AttemptKind.ERROR;
    }
}
