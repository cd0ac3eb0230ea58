package dev.ard.core.impact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Parses one class file into a {@link ClassNode}. Two passes over the bytes: the constant pool
 * (every {@code CONSTANT_Class}, the descriptors of every {@code NameAndType} and
 * {@code MethodType}, every {@code CONSTANT_String}) and a visitor over everything else that names a
 * class (instructions, frames, field/method descriptors, generic signatures, annotations with their
 * class and enum values, local variable types, inner/outer/nest relations). A pooled class nothing
 * else names is kept apart as the owner of an inlined compile-time constant.
 */
final class BytecodeScanner {

    private static final int API = Opcodes.ASM9;
    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_STRING = 8;
    private static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final int CONSTANT_METHOD_TYPE = 16;
    private static final int MAX_CLASS_NAME_STRING = 300;
    /** {@code com.x.Foo}, {@code com/x/Foo$Inner}: at least one separator, Java identifier parts. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                    + "(?:[./][\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)+");

    private BytecodeScanner() {
    }

    /**
     * @throws IllegalArgumentException for a class file version ASM does not know, and other
     *                                  runtime exceptions (index out of bounds…) for corrupt bytes
     */
    static ClassNode scan(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Collector c = new Collector();
        scanConstantPool(reader, bytes, c);
        reader.accept(new Visitor(c), 0);
        // A CONSTANT_Class entry no instruction, member reference, frame or attribute uses is what javac
        // leaves for the owner of a compile-time constant it inlined (javac 9+, for tools like jdeps).
        Set<String> constantOwners = new TreeSet<>();
        for (String pooled : c.poolClasses) {
            if (pooled.startsWith("[")) {
                c.descriptor(pooled);
            } else if (!c.refs.contains(pooled)) {
                constantOwners.add(pooled);
            }
        }
        c.refs.remove(c.name);
        constantOwners.remove(c.name);
        return new ClassNode(c.name, c.access, c.sourceFile, c.outer, c.nested,
                new ArrayList<>(new TreeSet<>(c.refs)), new ArrayList<>(constantOwners),
                new ArrayList<>(new TreeSet<>(c.strings)));
    }

    private static void scanConstantPool(ClassReader reader, byte[] bytes, Collector c) {
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

    /** Accumulates references of one class. */
    private static final class Collector {
        final Set<String> refs = new HashSet<>();
        final Set<String> poolClasses = new HashSet<>();
        final Set<String> strings = new HashSet<>();
        String name;
        int access;
        String sourceFile;
        String outer;
        boolean nested;

        /** An internal name, or an array descriptor where an internal name may stand. */
        void internalNameOrArray(String value) {
            if (value.startsWith("[")) {
                descriptor(value);
            } else {
                refs.add(value);
            }
        }

        /** Field or method descriptor: every {@code L…;}. */
        void descriptor(String desc) {
            if (desc == null) {
                return;
            }
            int i = desc.indexOf('L');
            while (i >= 0) {
                int end = desc.indexOf(';', i);
                if (end < 0) {
                    return;
                }
                refs.add(desc.substring(i + 1, end));
                i = desc.indexOf('L', end);
            }
        }

        void signature(String signature) {
            if (signature != null) {
                new SignatureReader(signature).accept(new SignatureCollector(this));
            }
        }

        void type(Type type) {
            switch (type.getSort()) {
                case Type.OBJECT -> refs.add(type.getInternalName());
                case Type.ARRAY -> type(type.getElementType());
                case Type.METHOD -> descriptor(type.getDescriptor());
                default -> {
                    // primitives
                }
            }
        }

        void string(String value) {
            if (value != null && value.length() <= MAX_CLASS_NAME_STRING && CLASS_NAME.matcher(value).matches()) {
                strings.add(value.replace('.', '/'));
            }
        }

        void value(Object value) {
            if (value instanceof Type t) {
                type(t);
            } else if (value instanceof String s) {
                string(s);
            } else if (value instanceof Handle h) {
                internalNameOrArray(h.getOwner());
                descriptor(h.getDesc());
            } else if (value instanceof ConstantDynamic d) {
                descriptor(d.getDescriptor());
                value(d.getBootstrapMethod());
                for (int i = 0; i < d.getBootstrapMethodArgumentCount(); i++) {
                    value(d.getBootstrapMethodArgument(i));
                }
            }
        }
    }

    private static final class SignatureCollector extends SignatureVisitor {
        private final Collector c;
        private String current;

        SignatureCollector(Collector c) {
            super(API);
            this.c = c;
        }

        @Override
        public void visitClassType(String name) {
            current = name;
            c.refs.add(name);
        }

        @Override
        public void visitInnerClassType(String name) {
            current = current + '$' + name;
            c.refs.add(current);
        }
    }

    private static final class Annotations extends AnnotationVisitor {
        private final Collector c;

        Annotations(Collector c) {
            super(API);
            this.c = c;
        }

        @Override
        public void visit(String name, Object value) {
            c.value(value);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            c.descriptor(descriptor);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            c.descriptor(descriptor);
            return this;
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    }

    private static final class Visitor extends ClassVisitor {
        private final Collector c;
        private final Annotations annotations;

        Visitor(Collector c) {
            super(API);
            this.c = c;
            this.annotations = new Annotations(c);
        }

        private AnnotationVisitor annotation(String descriptor) {
            c.descriptor(descriptor);
            return annotations;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            c.name = name;
            c.access = access;
            c.signature(signature);
            if (superName != null) {
                c.refs.add(superName);
            }
            if (interfaces != null) {
                c.refs.addAll(List.of(interfaces));
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            c.sourceFile = source;
        }

        @Override
        public void visitNestHost(String nestHost) {
            c.refs.add(nestHost);
            c.nested = true;
            if (c.outer == null) {
                c.outer = nestHost;
            }
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            c.refs.add(owner);
            c.descriptor(descriptor);
            c.nested = true;
            c.outer = owner; // the enclosing class of a local or anonymous class
        }

        @Override
        public void visitNestMember(String nestMember) {
            c.refs.add(nestMember);
        }

        @Override
        public void visitPermittedSubclass(String permittedSubclass) {
            c.refs.add(permittedSubclass);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            c.refs.add(name);
            if (outerName != null) {
                c.refs.add(outerName);
            }
            if (name.equals(c.name)) {
                c.nested = true;
                if (outerName != null) {
                    c.outer = outerName;
                }
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor,
                boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            c.descriptor(descriptor);
            c.signature(signature);
            return new RecordComponentVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    return annotation(desc);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String desc,
                        boolean visible) {
                    return annotation(desc);
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                Object value) {
            c.descriptor(descriptor);
            c.signature(signature);
            return new FieldVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    return annotation(desc);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String desc,
                        boolean visible) {
                    return annotation(desc);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            c.descriptor(descriptor);
            c.signature(signature);
            if (exceptions != null) {
                c.refs.addAll(List.of(exceptions));
            }
            return new Methods();
        }

        /** Method-level annotations and the few code attributes the constant pool does not show. */
        private final class Methods extends MethodVisitor {
            Methods() {
                super(API);
            }

            @Override
            public AnnotationVisitor visitAnnotationDefault() {
                return annotations;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                return annotation(desc);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String desc,
                    boolean visible) {
                return annotation(desc);
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(int parameter, String desc, boolean visible) {
                return annotation(desc);
            }

            @Override
            public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String desc,
                    boolean visible) {
                return annotation(desc);
            }

            @Override
            public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String desc,
                    boolean visible) {
                return annotation(desc);
            }

            @Override
            public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath,
                    Label[] start, Label[] end, int[] index, String desc, boolean visible) {
                return annotation(desc);
            }

            @Override
            public void visitLocalVariable(String name, String desc, String signature, Label start,
                    Label end, int index) {
                c.descriptor(desc);
                c.signature(signature);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                c.internalNameOrArray(type);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String desc) {
                c.internalNameOrArray(owner);
                c.descriptor(desc);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                c.internalNameOrArray(owner); // array owners: int[].clone()
                c.descriptor(desc);
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... bsmArgs) {
                c.descriptor(desc);
                c.value(bsm);
                for (Object arg : bsmArgs) {
                    c.value(arg);
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                c.value(value);
            }

            @Override
            public void visitMultiANewArrayInsn(String desc, int numDimensions) {
                c.descriptor(desc);
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                if (type != null) {
                    c.refs.add(type);
                }
            }

            @Override
            public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                frameTypes(numLocal, local);
                frameTypes(numStack, stack);
            }

            private void frameTypes(int n, Object[] types) {
                for (int i = 0; i < n && types != null && i < types.length; i++) {
                    if (types[i] instanceof String t) {
                        c.internalNameOrArray(t);
                    }
                }
            }
        }
    }
}
