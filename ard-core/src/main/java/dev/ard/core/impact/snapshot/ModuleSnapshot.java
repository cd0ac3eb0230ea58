package dev.ard.core.impact.snapshot;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classes of one reactor module as one build compiled them: what a later build compares its own classes with.
 *
 * @param module   {@code groupId:artifactId}
 * @param commit   the commit the classes were compiled from (a clean work tree)
 * @param producer the ARD version that wrote it: the checksums are only comparable with the same algorithm
 * @param main     the main classes by internal name
 * @param test     the test classes by internal name
 */
public record ModuleSnapshot(
        String module,
        String commit,
        String producer,
        Map<String, ClassChecksum> main,
        Map<String, ClassChecksum> test) {

    public ModuleSnapshot {
        main = Collections.unmodifiableMap(new TreeMap<>(main));
        test = Collections.unmodifiableMap(new TreeMap<>(test));
    }

    /** The highest class file major version among its classes (the compiler target), 0 without classes. */
    public int major() {
        int max = 0;
        for (ClassChecksum c : main.values()) {
            max = Math.max(max, c.major());
        }
        for (ClassChecksum c : test.values()) {
            max = Math.max(max, c.major());
        }
        return max;
    }
}
