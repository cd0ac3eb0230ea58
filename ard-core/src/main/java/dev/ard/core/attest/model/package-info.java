/**
 * Attestations, the data: the in-toto Statement v1 / SLSA provenance v1 records, Sigstore bundles and
 * DSSE envelopes as values, artifact digests, and the small rules about what goes into provenance
 * (purls, builder identity, source entry, secret-looking names). Depends on no other attest package:
 * {@code json} reads and writes these, {@code sign} produces them, {@code verify} checks them.
 * No Maven types here: the plugin maps Maven's model onto these records.
 */
package dev.ard.core.attest.model;
