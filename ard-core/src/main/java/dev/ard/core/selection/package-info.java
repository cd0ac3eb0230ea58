/**
 * Test selection: which test classes a Surefire/Failsafe execution runs, and why (DESIGN §3). Pure decisions over
 * the impact analysis ({@code dev.ard.core.impact}), the change set ({@code dev.ard.core.git}) and the telemetry
 * history; the Maven extension applies them.
 */
package dev.ard.core.selection;
