package dev.ard.core.attest.verify;

import java.nio.file.Path;

/**
 * A module's signed provenance.
 *
 * @param bundle    the attached provenance bundle: DSSE (the statement is its payload) or, for keyless signing
 *                  without Rekor v2, a blob bundle of the statement file
 * @param statement where the statement file is; read only for a blob bundle
 */
public record ProvenanceFiles(Path bundle, Path statement) {}
