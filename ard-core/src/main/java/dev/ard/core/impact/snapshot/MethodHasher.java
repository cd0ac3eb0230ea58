package dev.ard.core.impact.snapshot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;

/**
 * One method's non-debug content. Events are kept as tokens until the end because a jump or a try/catch block may name
 * a label before it is placed; each label then counts as the index of the instruction it precedes, which a debug
 * attribute never changes (line-number labels are placed, but only referenced labels are hashed).
 */
final class MethodHasher extends MethodVisitor {

    /** A label reference among the tokens. */
    private record Ref(Label label) {}

    private final Digest d;
    private final Runnable done;
    private final Runnable unknownAttribute;
    private final List<Object> tokens = new ArrayList<>();
    private final Map<Label, Integer> placed = new IdentityHashMap<>();
    private int instructions;

    /** @param unknownAttribute told of an attribute ASM does not know: the caller then checksums the whole file */
    MethodHasher(Digest d, Runnable done, Runnable unknownAttribute) {
        super(Opcodes.ASM9);
        this.d = d;
        this.done = done;
        this.unknownAttribute = unknownAttribute;
    }

    private void insn(Object... values) {
        instructions++;
        tokens.add('i');
        add(values);
    }

    private void add(Object... values) {
        for (Object v : values) {
            if (v instanceof Label l) {
                tokens.add(new Ref(l));
            } else if (v instanceof Label[] ls) {
                tokens.add(ls.length);
                for (Label l : ls) {
                    tokens.add(new Ref(l));
                }
            } else if (v instanceof Object[] os) {
                tokens.add(os.length);
                for (Object o : os) {
                    tokens.add(o);
                }
            } else if (v instanceof int[] is) {
                tokens.add(is.length);
                for (int i : is) {
                    tokens.add(i);
                }
            } else {
                tokens.add(v);
            }
        }
    }

    @Override
    public void visitParameter(String name, int access) {
        d.tag('p').string(name).integer(access);
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
        d.tag('D');
        return ClassChecksums.annotation(d, 'A', "default", true);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath path, String descriptor, boolean visible) {
        d.tag('T').integer(typeRef).string(String.valueOf(path));
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public void visitAnnotableParameterCount(int count, boolean visible) {
        d.tag('c').integer(count).integer(visible ? 1 : 0);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
        d.tag('q').integer(parameter);
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public void visitAttribute(Attribute attribute) {
        unknownAttribute.run();
    }

    @Override
    public void visitInsn(int opcode) {
        insn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        insn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        insn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        insn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        insn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        insn(opcode, owner, name, descriptor, isInterface ? 1 : 0);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
        insn(Opcodes.INVOKEDYNAMIC, name, descriptor, bsm, bsmArgs);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        insn(opcode, label);
    }

    @Override
    public void visitLabel(Label label) {
        placed.putIfAbsent(label, instructions);
    }

    @Override
    public void visitLdcInsn(Object value) {
        insn(Opcodes.LDC, value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        insn(Opcodes.IINC, varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        insn(Opcodes.TABLESWITCH, min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        insn(Opcodes.LOOKUPSWITCH, dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        insn(Opcodes.MULTIANEWARRAY, descriptor, numDimensions);
    }

    @Override
    public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath path, String descriptor, boolean visible) {
        // annotations are hashed straight into the digest; their position is the number of instructions so far
        d.tag('n').integer(instructions).integer(typeRef).string(String.valueOf(path));
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        tokens.add('t');
        add(start, end, handler, type);
    }

    @Override
    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath path, String descriptor, boolean visible) {
        d.tag('u').integer(typeRef).string(String.valueOf(path));
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public void visitLocalVariable(String n, String desc, String sig, Label start, Label end, int index) {
        // LocalVariableTable / LocalVariableTypeTable: debug information
    }

    @Override
    public AnnotationVisitor visitLocalVariableAnnotation(
            int typeRef, TypePath path, Label[] start, Label[] end, int[] index, String descriptor, boolean visible) {
        // its ranges are labels: kept as tokens; the annotation's values go straight to the digest
        tokens.add('l');
        add(typeRef, String.valueOf(path), start, end, index);
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        // LineNumberTable: debug information
    }

    @Override
    public void visitEnd() {
        d.tag('{');
        for (Object t : tokens) {
            if (t instanceof Ref r) {
                d.tag('L').integer(placed.getOrDefault(r.label(), -1));
            } else if (t instanceof Character c) {
                d.tag(c);
            } else {
                d.value(t);
            }
        }
        d.tag('}');
        done.run();
    }
}
