package dev.ard.core.impact.snapshot;

import java.util.Map;
import java.util.Set;

/**
 * A class file as the bytecode comparison sees it: checksums of its content without debug attributes, for the whole
 * class and per member.
 *
 * @param name      internal name ({@code com/x/Foo$Inner})
 * @param major     class file major version (61 = Java 17): a snapshot compiled for another target is not compared
 * @param checksum  over the class header and every member, in file order
 * @param members   per field ({@code F name desc}) and method ({@code M name desc}): its checksum
 * @param constants the field keys that carry a compile-time constant ({@code ConstantValue}): javac inlines those into
 *                  the classes that read them
 */
public record ClassChecksum(String name, int major, long checksum, Map<String, Long> members, Set<String> constants) {

    public ClassChecksum {
        members = Map.copyOf(members); // compact and unordered: thousands are read back from the cache per build
        constants = Set.copyOf(constants);
    }
}
