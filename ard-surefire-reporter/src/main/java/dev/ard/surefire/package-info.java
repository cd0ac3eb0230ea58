/**
 * ARD's Surefire/Failsafe stateless reporter. It runs inside the user's Surefire plugin realm, so it
 * depends on nothing but the Surefire classes that realm already has: it keeps Surefire's default
 * {@code TEST-*.xml} output and also appends one JSON line per test attempt to a results file that
 * ARD's Maven extension reads.
 */
package dev.ard.surefire;
