package dev.ard.maven.extension;

import dev.ard.core.telemetry.StoreConfig;
import dev.ard.maven.support.StoreLocation;
import java.nio.file.Path;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Resolves where telemetry goes ({@code ard.store}), with credentials from a settings.xml server (see {@link StoreLocation}). */
@Named
@Singleton
public class StoreConfigFactory {

    private final SettingsDecrypter decrypter;

    @Inject
    public StoreConfigFactory(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    public StoreConfig resolve(MavenSession session, Path rootDir, ArdProperties properties) {
        return StoreLocation.resolve(session, decrypter, rootDir, properties.settings());
    }
}
