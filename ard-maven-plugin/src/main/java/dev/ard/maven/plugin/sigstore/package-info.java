/** Adapters between ARD's attest model and sigstore-java (keyless signing, certificate-bundle verification). */
package dev.ard.maven.plugin.sigstore;
