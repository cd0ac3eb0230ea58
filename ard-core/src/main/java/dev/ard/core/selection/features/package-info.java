/** Features per (build, candidate test class) for predictive selection (docs/architecture.md §4), computed from the past only. */
package dev.ard.core.selection.features;
