/** Git state and change sets read with JGit. */
package dev.ard.core.git;
