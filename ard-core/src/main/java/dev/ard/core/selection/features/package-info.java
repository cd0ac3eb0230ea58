/** Features per (build, candidate test class) for predictive selection (DESIGN §5), computed from the past only. */
package dev.ard.core.selection.features;
