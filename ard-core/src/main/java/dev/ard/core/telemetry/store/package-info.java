/**
 * Internals of the JDBC telemetry store: dialects (SQLite, PostgreSQL), schema migrations, the batched
 * writer, the stats queries and the spool of builds that could not be written. Callers outside
 * {@code dev.ard.core.telemetry} use {@link dev.ard.core.telemetry.TelemetryStores} and
 * {@link dev.ard.core.telemetry.TelemetryWriter} instead.
 */
package dev.ard.core.telemetry.store;
