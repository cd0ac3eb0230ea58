package dev.ard.core.impact.snapshot;

import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;

/**
 * One method's non-debug content, hashed as it is visited. A label is hashed only where an instruction, a try/catch
 * block or an annotation refers to it, so that the labels a debug build adds for line numbers change nothing: a label
 * already placed is named by the index of the instruction it precedes; a forward reference gets the next forward
 * number, and its placement is hashed where it happens in the instruction stream.
 */
final class MethodHasher extends MethodVisitor {

    private final Digest d;
    private final Runnable done;
    private final Runnable unknownAttribute;
    private final Map<Label, Integer> placed = new IdentityHashMap<>();
    private final Map<Label, Integer> forward = new IdentityHashMap<>();
    private int instructions;

    /** @param unknownAttribute told of an attribute ASM does not know: the caller then checksums the whole file */
    MethodHasher(Digest d, Runnable done, Runnable unknownAttribute) {
        super(Opcodes.ASM9);
        this.d = d;
        this.done = done;
        this.unknownAttribute = unknownAttribute;
    }

    private Digest insn(int opcode) {
        instructions++;
        return d.tag('i').integer(opcode);
    }

    private void label(Label label) {
        Integer at = placed.get(label);
        if (at != null) {
            d.tag('B').integer(at);
        } else {
            Integer id = forward.get(label);
            if (id == null) {
                id = forward.size();
                forward.put(label, id);
            }
            d.tag('F').integer(id);
        }
    }

    private void labels(Label[] labels) {
        d.integer(labels.length);
        for (Label l : labels) {
            label(l);
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
    public void visitCode() {
        d.tag('{');
    }

    @Override
    public void visitInsn(int opcode) {
        insn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        insn(opcode).integer(operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        insn(opcode).integer(varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        insn(opcode).string(type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        insn(opcode).string(owner).string(name).string(descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        insn(opcode).string(owner).string(name).string(descriptor).integer(isInterface ? 1 : 0);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
        insn(Opcodes.INVOKEDYNAMIC).string(name).string(descriptor).value(bsm).integer(bsmArgs.length);
        for (Object arg : bsmArgs) {
            d.value(arg);
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        insn(opcode);
        label(label);
    }

    @Override
    public void visitLabel(Label label) {
        placed.putIfAbsent(label, instructions);
        Integer id = forward.get(label);
        if (id != null) {
            d.tag('P').integer(id); // a forward reference lands here
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        insn(Opcodes.LDC).value(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        insn(Opcodes.IINC).integer(varIndex).integer(increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        insn(Opcodes.TABLESWITCH).integer(min).integer(max);
        label(dflt);
        labels(labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        insn(Opcodes.LOOKUPSWITCH).integer(keys.length);
        for (int key : keys) {
            d.integer(key);
        }
        label(dflt);
        labels(labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        insn(Opcodes.MULTIANEWARRAY).string(descriptor).integer(numDimensions);
    }

    @Override
    public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath path, String descriptor, boolean visible) {
        d.tag('n').integer(instructions).integer(typeRef).string(String.valueOf(path));
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        d.tag('t');
        label(start);
        label(end);
        label(handler);
        d.string(type);
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
        d.tag('l').integer(typeRef).string(String.valueOf(path));
        labels(start);
        labels(end);
        d.integer(index.length);
        for (int i : index) {
            d.integer(i);
        }
        return ClassChecksums.annotation(d, 'A', descriptor, visible);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        // LineNumberTable: debug information
    }

    @Override
    public void visitEnd() {
        d.tag('}');
        done.run();
    }
}
