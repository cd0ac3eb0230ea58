/**
 * A neutral build history for learning and replay: {@link dev.ard.core.selection.history.HistoryBuild} per build,
 * imported from the telemetry store, the CSV dataset layout or JUnit XML report folders.
 */
package dev.ard.core.selection.history;
