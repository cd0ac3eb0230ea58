package dev.ard.core.impact;

import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;

/**
 * Parses one class file into a {@link ClassNode}. Two passes over the bytes: the constant pool
 * (every {@code CONSTANT_Class}, the descriptors of every {@code NameAndType} and
 * {@code MethodType}, every {@code CONSTANT_String}) and a visitor over everything else that names a
 * class (instructions, frames, field/method descriptors, generic signatures, annotations with their
 * class and enum values, local variable types, inner/outer/nest relations). A pooled class nothing
 * else names is kept apart as the owner of an inlined compile-time constant. The visitor pass also records the
 * class's {@link ClassCalls} for the call graph.
 */
final class BytecodeScanner {

    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_STRING = 8;
    private static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final int CONSTANT_METHOD_TYPE = 16;

    /** One class file's graph node and call data, from one parse. */
    record Scanned(ClassNode node, ClassCalls calls) {}

    private BytecodeScanner() {}

    /** The graph node alone (tests). */
    static ClassNode scan(byte[] bytes) {
        return read(bytes).node();
    }

    /**
     * @throws IllegalArgumentException for a class file version ASM does not know, and other
     *                                  runtime exceptions (index out of bounds…) for corrupt bytes
     */
    static Scanned read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassReferences c = new ClassReferences();
        scanConstantPool(reader, bytes, c);
        CallRecorder calls = new CallRecorder();
        reader.accept(new ReferenceVisitor(c, calls), 0);
        // A CONSTANT_Class entry no instruction, member reference, frame or attribute uses is what javac
        // leaves for the owner of a compile-time constant it inlined (javac 9+, for tools like jdeps).
        c.poolClasses.stream().filter(p -> p.startsWith("[")).toList().forEach(c::descriptor);
        Set<String> constantOwners = new TreeSet<>();
        for (String pooled : c.poolClasses) {
            if (!pooled.startsWith("[") && !c.refs.contains(pooled)) {
                constantOwners.add(pooled);
            }
        }
        c.refs.remove(c.name);
        constantOwners.remove(c.name);
        ClassNode node = new ClassNode(
                c.name,
                c.access,
                c.sourceFile,
                c.outer,
                c.nested,
                new ArrayList<>(new TreeSet<>(c.refs)),
                new ArrayList<>(constantOwners),
                new ArrayList<>(new TreeSet<>(c.strings)));
        return new Scanned(node, calls.result());
    }

    private static void scanConstantPool(ClassReader reader, byte[] bytes, ClassReferences c) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // second slot of a long/double
            }
            switch (bytes[offset - 1]) {
                case CONSTANT_CLASS -> c.poolClasses.add(reader.readUTF8(offset, buffer));
                case CONSTANT_NAME_AND_TYPE -> c.descriptor(reader.readUTF8(offset + 2, buffer));
                case CONSTANT_METHOD_TYPE -> c.descriptor(reader.readUTF8(offset, buffer));
                case CONSTANT_STRING -> c.string(reader.readUTF8(offset, buffer));
                default -> {
                    // other constants name no class of their own
                }
            }
        }
    }
}
