/** Maven-aware helpers shared by the core extension and the plugin (both thin adapters over {@code ard-core}). */
package dev.ard.maven.support;
