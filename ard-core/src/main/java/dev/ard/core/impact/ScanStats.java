package dev.ard.core.impact;

/**
 * What the last analysis read, to show that the cache works.
 *
 * @param classFiles class files found in all classes directories
 * @param read       of those, read and checksummed (the rest had unchanged size and time)
 * @param parsed     of those, parsed with ASM (new or changed since the cached run)
 * @param fromCache  of those, taken from the cache after a checksum match
 * @param graphNodes classes in the graph (scanned ones and the ones they reference)
 */
public record ScanStats(int classFiles, int read, int parsed, int fromCache, int graphNodes) {

    static final ScanStats NONE = new ScanStats(0, 0, 0, 0, 0);
}
