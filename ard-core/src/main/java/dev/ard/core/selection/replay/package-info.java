/**
 * Replay evaluation (docs/architecture.md §4): history replayed in time order, each build decided from the past only, predictive
 * selection against the baselines all, random at the same budget, LastFail, FailDensity and safe.
 */
package dev.ard.core.selection.replay;
