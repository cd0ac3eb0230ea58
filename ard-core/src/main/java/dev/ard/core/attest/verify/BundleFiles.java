package dev.ard.core.attest.verify;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.io.BoundedFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a bundle file's bytes for a {@link BundleVerifier}: a regular file no larger than a bundle may be. */
final class BundleFiles {
    private BundleFiles() {}

    /**
     * The file's bytes; the {@link IOException}'s message names the file and the reason in one line ("bundle … not
     * found", "… is not a regular file", "… is N bytes, more than the M allowed", or the I/O error's class).
     */
    static byte[] read(Path bundle) throws IOException {
        try {
            return BoundedFiles.read(bundle, BundleJson.MAX_BYTES, "bundle");
        } catch (IOException e) {
            if (e.getClass() == IOException.class) {
                throw e;
            }
            throw new IOException("cannot read the bundle " + bundle + " (" + BoundedFiles.reason(e) + ")", e);
        }
    }
}
