/**
 * Attestations, signing with a key: ECDSA P-256 signing keys and PEM public keys (with their Sigstore
 * key hint), and the signer that writes blob and DSSE bundles. Keyless signing (Fulcio, Rekor) lives in
 * the plugin, on sigstore-java.
 */
package dev.ard.core.attest.sign;
