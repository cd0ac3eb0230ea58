package dev.ard.maven.plugin.sign;

import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where key mode finds its private key and password. Key: {@code -Dard.sign.key=<path>}, else env
 * {@code ARD_SIGN_KEY} (the PEM itself, as CI secrets hold it, or a path). Password: env
 * {@code ARD_SIGN_KEY_PASSWORD}, else the password of the settings.xml server {@code ard.sign.server}
 * (decrypted by Maven). The password is used once and cleared; neither it nor the key is logged, and a value that
 * names no existing file is never shown in a message either (it may be a key with a typo).
 */
public final class KeySource {
    public static final String KEY_ENV = "ARD_SIGN_KEY";
    public static final String PASSWORD_ENV = "ARD_SIGN_KEY_PASSWORD";

    private static final String NOT_SHOWN = " (the value is not shown: it may be key material)";

    private KeySource() {}

    /**
     * @param keyPath   {@code ard.sign.key}, may be {@code null}
     * @param server    {@code ard.sign.server}, may be {@code null}
     * @param env       the environment
     * @param servers   settings.xml server id → credentials
     * @return the key, or empty when none is configured at all
     */
    public static Optional<SigningKey> load(
            String keyPath, String server, Map<String, String> env, Function<String, Optional<Credentials>> servers)
            throws IOException {
        String fromEnv = env.get(KEY_ENV);
        if ((keyPath == null || keyPath.isBlank()) && (fromEnv == null || fromEnv.isBlank())) {
            return Optional.empty();
        }
        char[] password = password(server, env, servers);
        try {
            if (keyPath != null && !keyPath.isBlank()) {
                Path file = existingFile(keyPath.strip());
                if (file == null) {
                    throw new IOException(
                            looksLikePem(keyPath)
                                    ? "ard.sign.key holds PEM text, not a path: put the key in a file, or in env "
                                            + KEY_ENV
                                    : "ard.sign.key names no readable file" + NOT_SHOWN);
                }
                return Optional.of(SigningKey.read(file, password));
            }
            if (looksLikePem(fromEnv)) {
                try {
                    return Optional.of(SigningKey.parse(fromEnv, password));
                } catch (IOException e) {
                    throw new IOException("signing key from env " + KEY_ENV + ": " + e.getMessage());
                }
            }
            Path file = existingFile(fromEnv.strip());
            if (file == null) {
                throw new IOException(
                        "env " + KEY_ENV + " is neither a PEM private key nor the path of a readable file" + NOT_SHOWN);
            }
            return Optional.of(SigningKey.read(file, password));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * The value as a path, when it names an existing regular file; else {@code null}. Only then may a message show
     * it: anything else may be a key, whole or mistyped.
     */
    private static Path existingFile(String value) {
        try {
            Path path = Path.of(value);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null; // its message quotes the value
        }
    }

    /** PEM text, even with a damaged BEGIN line: read as a key, never as a path that a message would show. */
    private static boolean looksLikePem(String value) {
        return value.contains("-----")
                || value.contains("BEGIN ")
                || value.strip().contains("\n");
    }

    private static char[] password(
            String server, Map<String, String> env, Function<String, Optional<Credentials>> servers)
            throws IOException {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (server == null || server.isBlank()) {
            return null;
        }
        Optional<Credentials> credentials = servers.apply(server);
        if (credentials.isEmpty()) {
            throw new IOException("settings.xml has no <server> with id '" + server + "' (ard.sign.server)");
        }
        String password = credentials.get().password();
        return password == null ? null : password.toCharArray();
    }
}
