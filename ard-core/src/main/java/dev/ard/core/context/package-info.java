/** Facts about the environment a build runs in (CI system, runtime). */
package dev.ard.core.context;
