package dev.ard.core.attest.verify;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.io.BoundedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a bundle file's bytes for a {@link BundleVerifier}, refusing one larger than a bundle may be. */
final class BundleFiles {
    private BundleFiles() {}

    /** The file's bytes; the {@link IOException}'s message names the file and the reason, in one line. */
    static byte[] read(Path bundle) throws IOException {
        long size;
        try {
            size = Files.size(bundle);
            if (size <= BundleJson.MAX_BYTES) {
                return BoundedFiles.read(bundle, BundleJson.MAX_BYTES, "bundle");
            }
        } catch (IOException e) {
            throw new IOException("cannot read the bundle " + bundle + " (" + BoundedFiles.reason(e) + ")", e);
        }
        throw new IOException(bundle.getFileName() + " is " + size + " bytes, more than a bundle may have");
    }
}
