/** {@code ard:verify-dependencies}: what the build consumes, resolved with Maven Resolver, judged by core's {@code trust}. */
package dev.ard.maven.plugin.trust;
