/**
 * Attestations on disk: the deterministic JSON form of statements and Sigstore bundles, and a defensive
 * reader/validator for provenance and bundles read back from a file or a DSSE envelope (size and nesting
 * limits, duplicate keys, in-toto / SLSA rules). Each format failure names the file and the rule.
 */
package dev.ard.core.attest.json;
