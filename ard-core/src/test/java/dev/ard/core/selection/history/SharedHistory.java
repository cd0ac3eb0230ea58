package dev.ard.core.selection.history;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/data/history/<name>} from the repository root; skips (or fails with ARD_REQUIRE_SHARED=1). */
public final class SharedHistory {

    private SharedHistory() {}

    public static Path dataset(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Path data = dir == null ? null : dir.resolve("../shared/data/history").resolve(name).normalize();
        if (data == null || !CsvHistory.isCsvHistory(data)) {
            String message = "../shared/data/history/" + name + " not found next to the repository; skipping";
            if ("1".equals(System.getenv("ARD_REQUIRE_SHARED"))) {
                fail(message + " is not allowed with ARD_REQUIRE_SHARED=1");
            }
            assumeTrue(false, message);
        }
        return data;
    }
}
