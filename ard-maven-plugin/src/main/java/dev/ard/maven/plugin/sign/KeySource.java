package dev.ard.maven.plugin.sign;

import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where key mode finds its private key and password. Key: {@code -Dard.sign.key=<path>}, else env
 * {@code ARD_SIGN_KEY} (the PEM itself, as CI secrets hold it, or a path). Password: env
 * {@code ARD_SIGN_KEY_PASSWORD}, else the password of the settings.xml server {@code ard.sign.server}
 * (decrypted by Maven). The password is used once and cleared; neither it nor the key is logged.
 */
public final class KeySource {
    public static final String KEY_ENV = "ARD_SIGN_KEY";
    public static final String PASSWORD_ENV = "ARD_SIGN_KEY_PASSWORD";

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
                return Optional.of(SigningKey.read(Path.of(keyPath), password));
            }
            if (fromEnv.contains("-----BEGIN")) {
                try {
                    return Optional.of(SigningKey.parse(fromEnv, password));
                } catch (IOException e) {
                    throw new IOException("signing key from env " + KEY_ENV + ": " + e.getMessage());
                }
            }
            return Optional.of(SigningKey.read(Path.of(fromEnv.strip()), password));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
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
