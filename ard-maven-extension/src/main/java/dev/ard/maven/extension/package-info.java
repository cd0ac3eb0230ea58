/**
 * ARD's Maven core extension (declared in {@code .mvn/extensions.xml}): records build and per-test
 * telemetry of every Surefire/Failsafe run. Maven-facing classes are thin; the decisions live in
 * plain classes ({@link dev.ard.maven.extension.ReporterInjection}, {@link dev.ard.maven.extension.TestGoal},
 * {@link dev.ard.maven.extension.SummaryLine}, {@link dev.ard.maven.extension.TestRunCollector}) and in ard-core.
 */
package dev.ard.maven.extension;
