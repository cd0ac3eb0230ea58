package dev.ard.core.selection.history;

import dev.ard.core.SharedData;
import java.nio.file.Path;

/** Finds {@code ../shared/data/history/<name>} (see {@link SharedData}). */
public final class SharedHistory {

    private SharedHistory() {}

    public static Path dataset(String name) {
        return SharedData.dir("history/" + name, CsvHistory::isCsvHistory);
    }
}
