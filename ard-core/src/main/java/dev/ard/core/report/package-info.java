/** What ARD tells about a build from its telemetry: the CI job summary. */
package dev.ard.core.report;
