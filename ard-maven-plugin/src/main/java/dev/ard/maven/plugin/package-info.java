/** ARD's Maven goals (prefix {@code ard}); each goal is a thin layer over {@code ard-core}. */
package dev.ard.maven.plugin;
