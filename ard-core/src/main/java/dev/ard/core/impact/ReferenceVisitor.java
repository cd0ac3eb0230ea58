package dev.ard.core.impact;

import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Visits a class for the names that live outside the constant pool's class entries: descriptors,
 * generic signatures, annotations (with class literals and enum values), instructions, frames,
 * local variable types, inner/outer/nest relations, and the SourceFile attribute.
 *
 * <p>It forwards to the next visitor (ASM's chaining) only what a {@link CallRecorder} needs — the class header, the
 * methods, their call instructions, the class's end — so the call graph's data comes from the same single pass.
 */
final class ReferenceVisitor extends ClassVisitor {

    static final int API = Opcodes.ASM9;
    private final ClassReferences c;
    private final Annotations annotations;

    ReferenceVisitor(ClassReferences c) {
        this(c, null);
    }

    /** @param next gets the header, methods and call instructions too; may be {@code null} */
    ReferenceVisitor(ClassReferences c, ClassVisitor next) {
        super(API, next);
        this.c = c;
        this.annotations = new Annotations(c);
    }

    private AnnotationVisitor annotation(String descriptor) {
        c.descriptor(descriptor);
        return annotations;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        super.visit(version, access, name, signature, superName, interfaces);
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
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
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
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String desc, boolean visible) {
                return annotation(desc);
            }
        };
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        c.descriptor(descriptor);
        c.signature(signature);
        return new FieldVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                return annotation(desc);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String desc, boolean visible) {
                return annotation(desc);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        c.descriptor(descriptor);
        c.signature(signature);
        if (exceptions != null) {
            c.refs.addAll(List.of(exceptions));
        }
        return new Methods(super.visitMethod(access, name, descriptor, signature, exceptions));
    }

    /** Method-level annotations and the few code attributes the constant pool does not show. */
    private final class Methods extends MethodVisitor {
        Methods(MethodVisitor next) {
            super(API, next);
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
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String desc, boolean visible) {
            return annotation(desc);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String desc, boolean visible) {
            return annotation(desc);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String desc, boolean visible) {
            return annotation(desc);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String desc, boolean visible) {
            return annotation(desc);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(
                int typeRef, TypePath typePath, Label[] start, Label[] end, int[] index, String desc, boolean visible) {
            return annotation(desc);
        }

        @Override
        public void visitLocalVariable(String name, String desc, String signature, Label start, Label end, int index) {
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
            super.visitMethodInsn(opcode, owner, name, desc, itf);
            c.internalNameOrArray(owner); // array owners: int[].clone()
            c.descriptor(desc);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... bsmArgs) {
            super.visitInvokeDynamicInsn(name, desc, bsm, bsmArgs);
            c.descriptor(desc);
            c.value(bsm);
            for (Object arg : bsmArgs) {
                c.value(arg);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(value);
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

    static final class SignatureCollector extends SignatureVisitor {
        private final ClassReferences c;
        private String current;

        SignatureCollector(ClassReferences c) {
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
        private final ClassReferences c;

        Annotations(ClassReferences c) {
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
}
