package dev.ard.maven.plugin.sign;

import dev.ard.core.attest.model.SigstoreBundle;
import java.nio.file.Path;

/**
 * One file a module deploys, and where its bundle goes.
 *
 * @param name       the deployed file name ({@code <artifactId>-<version>[-<classifier>].<extension>})
 * @param classifier the artifact's classifier, {@code null} for none (the bundle gets the same)
 * @param extension  the artifact's extension; the bundle's is {@code <extension>.sigstore.json}
 * @param file       the file on disk
 */
public record SignTarget(String name, String classifier, String extension, Path file) {
    /** The bundle's artifact type / extension (the sigstore-maven-plugin convention). */
    public String bundleExtension() {
        return extension + SigstoreBundle.FILE_SUFFIX;
    }

    /** The bundle's deployed file name. */
    public String bundleName() {
        return name + SigstoreBundle.FILE_SUFFIX;
    }
}
