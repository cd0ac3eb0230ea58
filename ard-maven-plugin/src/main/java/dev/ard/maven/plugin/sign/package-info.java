/** What {@code ard:sign} and {@code ard:verify} sign and check in a project: its files, its keys, its bundles. */
package dev.ard.maven.plugin.sign;
