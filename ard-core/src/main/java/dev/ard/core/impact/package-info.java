/**
 * Bytecode impact analysis: one class-level dependency graph over every reactor module's compiled
 * classes (ASM), mapping changed files to changed classes and changed classes to the test classes
 * that can reach them. Knows nothing of Maven: the caller describes modules with {@link
 * dev.ard.core.impact.ModuleInfo}.
 */
package dev.ard.core.impact;
