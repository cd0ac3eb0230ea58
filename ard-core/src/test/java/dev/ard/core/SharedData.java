package dev.ard.core;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Test data from {@code ../shared/data/} next to the repository root (third-party data, never copied into the
 * repository): skips the test with a clear message when it is absent, fails when {@code ARD_REQUIRE_SHARED} requires
 * it: {@code 1} requires every data set (the lead CI), a comma-separated list of data-set names (the first folder
 * under {@code data/}, e.g. {@code sigstore-conformance,slsa}) requires those only — the public CI fetches the public
 * ones with {@code .ci/fetch-public-data.sh}.
 */
public final class SharedData {

    private SharedData() {}

    /** {@code <repo root>/../shared/data/<relative>}, when {@code present} accepts it. */
    public static Path dir(String relative, Predicate<Path> present) {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        Path data = root == null
                ? null
                : root.resolve("../shared/data").resolve(relative).normalize();
        if (data == null || !present.test(data)) {
            String message = "../shared/data/" + relative + " not found next to the repository";
            if (required(relative, System.getenv("ARD_REQUIRE_SHARED"))) {
                fail(message + ", which ARD_REQUIRE_SHARED does not allow");
            }
            assumeTrue(false, message + ": skipped");
        }
        return data;
    }

    /** Whether {@code requirement} (the value of {@code ARD_REQUIRE_SHARED}) requires the data set of {@code relative}. */
    static boolean required(String relative, String requirement) {
        if (requirement == null || requirement.isBlank()) {
            return false;
        }
        if (requirement.strip().equals("1")) {
            return true;
        }
        String set = relative.split("/", 2)[0];
        for (String name : requirement.split(",")) {
            if (name.strip().equals(set)) {
                return true;
            }
        }
        return false;
    }
}
