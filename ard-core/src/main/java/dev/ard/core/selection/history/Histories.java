package dev.ard.core.selection.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an external history folder in whichever layout it has. */
public final class Histories {

    private Histories() {}

    /**
     * {@code builds.csv} + {@code results.csv} → {@link CsvHistory}; otherwise sub-folders of JUnit XML reports →
     * {@link JUnitXmlHistory}.
     *
     * @throws IOException when the folder is missing or holds neither layout
     */
    public static History read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no history folder at " + dir);
        }
        if (CsvHistory.isCsvHistory(dir)) {
            return CsvHistory.read(dir);
        }
        History xml = JUnitXmlHistory.read(dir);
        if (xml.builds().isEmpty() || xml.rows() == 0) {
            throw new IOException(
                    dir + " holds neither builds.csv/results.csv nor one folder of TEST-*.xml reports per build");
        }
        return xml;
    }
}
