/**
 * Test quarantine: the reviewed file ({@code .mvn/ard-quarantine.txt}) that names flaky test classes whose failures do
 * not fail the build until their entry expires (docs/architecture.md §4, README "Quarantine"). Pure parsing and
 * matching; the Maven extension runs the quarantined classes in an execution of their own.
 */
package dev.ard.core.selection.quarantine;
