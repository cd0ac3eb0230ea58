/**
 * Test selection: which test classes a Surefire/Failsafe execution runs, and why (docs/architecture.md §4). Pure decisions over
 * the impact analysis ({@code dev.ard.core.impact}), the change set ({@code dev.ard.core.git}) and the telemetry
 * history; the Maven extension applies them. Predictive selection (docs/architecture.md §4) lives in the sub-packages
 * {@code history} (neutral build history and its importers), {@code features}, {@code model} (Smile boosted trees,
 * training, persistence), {@code predictive} (calibration, time budget, policy) and {@code replay} (evaluation
 * against baselines).
 */
package dev.ard.core.selection;
