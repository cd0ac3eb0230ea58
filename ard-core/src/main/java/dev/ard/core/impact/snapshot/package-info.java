/**
 * Bytecode snapshots: checksums of a module's classes without debug attributes, per class and per member
 * ({@link dev.ard.core.impact.snapshot.ClassChecksums}), kept per commit and module on disk
 * ({@link dev.ard.core.impact.snapshot.SnapshotStore}) and compared with a later build's
 * ({@link dev.ard.core.impact.snapshot.SnapshotDiff}), so that the impact analysis sees what changed in the bytecode
 * rather than in the source files.
 */
package dev.ard.core.impact.snapshot;
