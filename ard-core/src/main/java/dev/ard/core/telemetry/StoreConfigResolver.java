package dev.ard.core.telemetry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * TEMP stub so the extension compiles before the real class lands in core; the lead drops this
 * commit at merge.
 */
public final class StoreConfigResolver {
    private StoreConfigResolver() {}

    /** Resolves {@code ard.store} / {@code ard.store.server} (settings.xml server id) into a store config. */
    public static StoreConfig resolve(
            Path rootDir, Map<String, String> properties, Map<String, String> env, Function<String, Optional<Credentials>> servers) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Where builds wait when the store fails: {@code <root>/.ard/pending}. */
    public static Path defaultSpoolDir(Path rootDir) {
        return rootDir.toAbsolutePath().normalize().resolve(".ard").resolve("pending");
    }

    /** Decrypted credentials of a settings.xml server. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
