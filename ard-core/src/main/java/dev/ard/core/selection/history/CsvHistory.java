package dev.ard.core.selection.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV history layout of {@code ../shared/data/history/*}: {@code builds.csv}
 * ({@code build_id,order,commit,committed_at}), {@code results.csv}
 * ({@code build_id,test_class,tests,failures,duration_s}) and {@code changes.csv} ({@code build_id,path}). A class
 * with {@code failures > 0} failed. Plain comma splitting: the layout has no quoted fields (ids, class names, paths).
 */
public final class CsvHistory {

    private CsvHistory() {}

    /** True when {@code dir} holds the three files. */
    public static boolean isCsvHistory(Path dir) {
        return Files.isRegularFile(dir.resolve("builds.csv")) && Files.isRegularFile(dir.resolve("results.csv"));
    }

    /** @throws IOException when a file is missing or a row is malformed (the message names file and line) */
    public static History read(Path dir) throws IOException {
        Map<String, long[]> orders = new LinkedHashMap<>();
        Map<String, Instant> times = new HashMap<>();
        for (Row row : rows(dir.resolve("builds.csv"), 4)) {
            orders.put(row.cells[0], new long[] {parseLong(row, 1)});
            times.put(row.cells[0], parseTime(row.cells[3]));
        }
        Map<String, List<String>> changes = new HashMap<>();
        Path changesFile = dir.resolve("changes.csv");
        if (Files.isRegularFile(changesFile)) {
            for (Row row : rows(changesFile, 2)) {
                changes.computeIfAbsent(row.cells[0], k -> new ArrayList<>()).add(row.cells[1]);
            }
        }
        Map<String, Map<String, TestRun>> results = new HashMap<>();
        for (Row row : rows(dir.resolve("results.csv"), 5)) {
            if (!orders.containsKey(row.cells[0])) {
                throw new IOException(row.where() + ": unknown build " + row.cells[0]);
            }
            String className = row.cells[1];
            TestRun run = new TestRun(className, parseLong(row, 3) > 0, false, parseDouble(row, 4) * 1000.0);
            results.computeIfAbsent(row.cells[0], k -> new LinkedHashMap<>()).merge(className, run, TestRun::merge);
        }
        List<HistoryBuild> builds = new ArrayList<>();
        for (Map.Entry<String, long[]> e : orders.entrySet()) {
            String id = e.getKey();
            builds.add(new HistoryBuild(
                    id,
                    e.getValue()[0],
                    times.get(id),
                    changes.getOrDefault(id, List.of()),
                    results.getOrDefault(id, Map.of())));
        }
        return new History("csv:" + dir, builds, false);
    }

    private record Row(Path file, int line, String[] cells) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    private static List<Row> rows(Path file, int columns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                throw new IOException(file.getFileName() + ":" + (i + 1) + ": expected " + columns + " columns, found "
                        + cells.length);
            }
            rows.add(new Row(file, i + 1, cells));
        }
        return rows;
    }

    private static long parseLong(Row row, int column) throws IOException {
        try {
            return Long.parseLong(row.cells[column].strip());
        } catch (NumberFormatException e) {
            throw new IOException(row.where() + ": not a number: " + row.cells[column]);
        }
    }

    private static double parseDouble(Row row, int column) throws IOException {
        try {
            return Double.parseDouble(row.cells[column].strip());
        } catch (NumberFormatException e) {
            throw new IOException(row.where() + ": not a number: " + row.cells[column]);
        }
    }

    private static Instant parseTime(String value) {
        try {
            return value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
