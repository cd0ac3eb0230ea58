/**
 * Bytecode impact analysis: one class-level dependency graph over every reactor module's compiled
 * classes (ASM), mapping changed files to changed classes and changed classes to the test classes
 * that can reach them. Knows nothing of Maven: the caller describes modules with {@link
 * dev.ard.core.impact.ModuleInfo} and calls {@link dev.ard.core.impact.ImpactAnalyzer#analyze}.
 *
 * <p>Known limits (what a bytecode graph cannot see):
 * <ul>
 *   <li>class names built at run time ({@code Class.forName("com.x." + name)}), and names kept in
 *       configuration other than {@code META-INF/services} (Spring XML, properties, JSON): string
 *       constants naming a class of the graph are followed, nothing else;</li>
 *   <li>files a test reads outside any module (a change outside every module runs everything, so
 *       this only matters for ignored paths);</li>
 *   <li>compile-time constants inlined by compilers that, unlike javac 9+, leave no constant-pool
 *       entry for the constant's owner (ecj), and Kotlin {@code inline} function bodies copied into
 *       callers, when the changes are seen in source files (compared with a base build's bytecode
 *       snapshot, a recompiled caller differs itself);</li>
 *   <li>selection is per class: a test that references a changed class runs even if it never calls
 *       the changed method;</li>
 *   <li>the cache trusts an unchanged size and modification time for files already 2 s older than the
 *       scan that recorded them (git's racy-clean rule); a tool rewriting a class file with the same
 *       size and a forged old time would go unnoticed.</li>
 * </ul>
 */
package dev.ard.core.impact;
