/**
 * {@code ard:provenance}: maps one Maven module (and, at the end, the reactor) onto an in-toto
 * Statement with a SLSA provenance v1 predicate ({@code dev.ard.core.attest}). Every class here is
 * small and testable without a running Maven; {@link dev.ard.maven.plugin.ProvenanceMojo} wires them.
 */
package dev.ard.maven.plugin.provenance;
