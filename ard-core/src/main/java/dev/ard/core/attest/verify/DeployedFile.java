package dev.ard.core.attest.verify;

import java.nio.file.Path;

/** One file a module deploys, as the {@link DeployGate} sees it: with its bundle attached, or without one. */
public sealed interface DeployedFile {
    /** The deployed file name ({@code <artifactId>-<version>[-<classifier>].<extension>}). */
    String name();

    /** The file on disk. */
    Path file();

    /** A file with its {@code .sigstore.json} bundle attached; the bundle must verify for the file on disk. */
    record Signed(String name, Path file, Path bundle) implements DeployedFile {}

    /** A file with no bundle attached: it fails the gate. */
    record Unsigned(String name, Path file, String bundleName) implements DeployedFile {}
}
