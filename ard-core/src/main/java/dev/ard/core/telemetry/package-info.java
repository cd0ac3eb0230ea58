/**
 * Per-test and per-build telemetry: the records ARD stores, the JDBC store (SQLite, PostgreSQL),
 * and the readers that turn Surefire output into records.
 */
package dev.ard.core.telemetry;
