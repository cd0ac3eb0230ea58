/**
 * Attestations: the in-toto Statement v1 / SLSA provenance v1 model, its deterministic JSON form,
 * file digests, and a parser/validator for provenance read back from disk or from a DSSE envelope.
 * No Maven types here: the plugin maps Maven's model onto these records.
 */
package dev.ard.core.attest;
