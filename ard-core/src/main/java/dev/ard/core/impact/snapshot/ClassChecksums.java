package dev.ard.core.impact.snapshot;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.TypePath;

/**
 * Checksums one class file without its debug attributes (SourceFile, SourceDebugExtension, LineNumberTable,
 * LocalVariableTable, LocalVariableTypeTable) and without stack map frames (javac derives them from the code), so that
 * a comment, Javadoc or formatting edit recompiles to the same checksums. Labels count as the index of the instruction
 * they mark: the line-number labels a debug build adds do not shift anything.
 *
 * <p>{@code ClassReader.SKIP_DEBUG} is not used on purpose: it also drops MethodParameters ({@code javac -parameters}),
 * whose names frameworks read at run time; the visitor ignores the debug events itself instead.
 */
public final class ClassChecksums {

    private static final int API = Opcodes.ASM9;

    /** The member key of the class header's own checksum (name, flags, supertypes, signature, annotations, attributes). */
    public static final String HEADER = "H";

    private ClassChecksums() {}

    /**
     * @throws IllegalArgumentException for a class file version ASM does not know; other runtime exceptions for corrupt
     *                                  bytes
     */
    public static ClassChecksum of(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Hasher hasher = new Hasher();
        reader.accept(hasher, ClassReader.SKIP_FRAMES);
        if (hasher.opaque) {
            // an attribute ASM does not know (another compiler's): its content is unseen, so the whole file counts
            CRC32 crc = new CRC32();
            crc.update(bytes);
            hasher.header.tag('!').longValue(crc.getValue());
        }
        return hasher.result();
    }

    /** Feeds the class header to one digest and each member to its own. */
    private static final class Hasher extends ClassVisitor {
        final Digest header = new Digest();
        boolean opaque;
        private final Map<String, Long> members = new LinkedHashMap<>();
        private final Set<String> constants = new LinkedHashSet<>();
        private String name;
        private int major;

        Hasher() {
            super(API);
        }

        ClassChecksum result() {
            // The header alone is a member of its own ("H"): a change confined to method bodies is then told apart
            // from one that also touches the class's supertypes, annotations or attributes (member-level impact).
            long headerOnly = header.finish();
            Map<String, Long> all = new LinkedHashMap<>();
            all.put(HEADER, headerOnly);
            all.putAll(members);
            header.tag('h').longValue(headerOnly);
            for (Map.Entry<String, Long> m : members.entrySet()) {
                header.tag('m').string(m.getKey()).longValue(m.getValue());
            }
            return new ClassChecksum(name, major, header.finish(), all, constants);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] ifaces) {
            this.name = name;
            this.major = version & 0xFFFF;
            header.tag('C')
                    .integer(version)
                    .integer(access)
                    .string(name)
                    .string(signature)
                    .string(superName);
            header.strings(ifaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            // debug information: not a change
        }

        @Override
        public ModuleVisitor visitModule(String name, int access, String version) {
            header.tag('M').string(name).integer(access).string(version);
            return new ModuleHasher(header);
        }

        @Override
        public void visitNestHost(String nestHost) {
            header.tag('H').string(nestHost);
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            header.tag('O').string(owner).string(name).string(descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(header, 'A', descriptor, visible);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath path, String descriptor, boolean visible) {
            header.tag('T').integer(typeRef).string(String.valueOf(path));
            return annotation(header, 'A', descriptor, visible);
        }

        @Override
        public void visitAttribute(Attribute attribute) {
            opaque = true;
        }

        @Override
        public void visitNestMember(String nestMember) {
            header.tag('N').string(nestMember);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            header.tag('P').string(permittedSubclass);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            header.tag('I').string(name).string(outerName).string(innerName).integer(access);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            header.tag('R').string(name).string(descriptor).string(signature);
            return new RecordComponentVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return annotation(header, 'A', descriptor, visible);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath path, String desc, boolean vis) {
                    header.tag('T').integer(typeRef).string(String.valueOf(path));
                    return annotation(header, 'A', desc, vis);
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            String key = "F " + name + " " + descriptor;
            if (value != null) {
                constants.add(key);
            }
            Digest d = new Digest();
            d.tag('F')
                    .integer(access)
                    .string(name)
                    .string(descriptor)
                    .string(signature)
                    .value(value);
            return new FieldVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    return annotation(d, 'A', descriptor, visible);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath path, String desc, boolean vis) {
                    d.tag('T').integer(typeRef).string(String.valueOf(path));
                    return annotation(d, 'A', desc, vis);
                }

                @Override
                public void visitAttribute(Attribute attribute) {
                    opaque = true;
                }

                @Override
                public void visitEnd() {
                    members.put(key, d.finish());
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] ex) {
            String key = "M " + name + " " + descriptor;
            Digest d = new Digest();
            d.tag('M')
                    .integer(access)
                    .string(name)
                    .string(descriptor)
                    .string(signature)
                    .strings(ex);
            return new MethodHasher(d, () -> members.put(key, d.finish()), () -> opaque = true);
        }
    }

    static AnnotationVisitor annotation(Digest d, char tag, String descriptor, boolean visible) {
        d.tag(tag).string(descriptor).integer(visible ? 1 : 0);
        return new AnnotationHasher(d);
    }

    /** Every value of an annotation, nested ones and arrays included, in order. */
    private static final class AnnotationHasher extends AnnotationVisitor {
        private final Digest d;

        AnnotationHasher(Digest d) {
            super(API);
            this.d = d;
        }

        @Override
        public void visit(String name, Object value) {
            d.tag('v').string(name).value(value);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            d.tag('e').string(name).string(descriptor).string(value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            d.tag('a').string(name).string(descriptor);
            return this;
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            d.tag('[').string(name);
            return this;
        }

        @Override
        public void visitEnd() {
            d.tag(']'); // closes the annotation, array or nested annotation just visited
        }
    }

    /** A module descriptor's directives, in order. */
    private static final class ModuleHasher extends ModuleVisitor {
        private final Digest d;

        ModuleHasher(Digest d) {
            super(API);
            this.d = d;
        }

        @Override
        public void visitMainClass(String mainClass) {
            d.tag('m').string(mainClass);
        }

        @Override
        public void visitPackage(String packaze) {
            d.tag('p').string(packaze);
        }

        @Override
        public void visitRequire(String module, int access, String version) {
            d.tag('r').string(module).integer(access).string(version);
        }

        @Override
        public void visitExport(String packaze, int access, String... modules) {
            d.tag('x').string(packaze).integer(access).strings(modules);
        }

        @Override
        public void visitOpen(String packaze, int access, String... modules) {
            d.tag('o').string(packaze).integer(access).strings(modules);
        }

        @Override
        public void visitUse(String service) {
            d.tag('u').string(service);
        }

        @Override
        public void visitProvide(String service, String... providers) {
            d.tag('v').string(service).strings(providers);
        }
    }
}
