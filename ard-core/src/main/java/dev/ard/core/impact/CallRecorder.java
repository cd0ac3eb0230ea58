package dev.ard.core.impact;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Collects a class's {@link ClassCalls}: runs behind {@link ReferenceVisitor} in {@link BytecodeScanner}'s single pass
 * (which forwards the class header, the methods and their call instructions to it), or alone ({@link #of}, tests).
 */
final class CallRecorder extends ClassVisitor {
    /** Distinct calls: a method calling the same callee twice gives one edge, and a smaller cache entry. */
    private final Set<ClassCalls.Call> calls = new LinkedHashSet<>();

    private final Map<String, Integer> methods = new HashMap<>();
    private String name;
    private int access;
    private String superName;
    private List<String> interfaces;
    private ClassCalls result;

    CallRecorder() {
        super(ReferenceVisitor.API);
    }

    /** One class file alone (debug attributes and frames carry no call). */
    static ClassCalls of(byte[] bytes) {
        CallRecorder recorder = new CallRecorder();
        new ClassReader(bytes).accept(recorder, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return recorder.result();
    }

    /** What was recorded; {@code null} before the class was visited to its end. */
    ClassCalls result() {
        return result;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] ifaces) {
        this.name = name;
        this.access = access;
        this.superName = superName;
        this.interfaces = ifaces == null ? List.of() : List.of(ifaces);
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String methodName, String descriptor, String signature, String[] exceptions) {
        String caller = methodName + descriptor;
        methods.put(caller, access);
        return new MethodVisitor(ReferenceVisitor.API) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                calls.add(new ClassCalls.Call(
                        caller, owner, n + d, opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE));
            }

            @Override
            public void visitInvokeDynamicInsn(String n, String d, Handle bootstrap, Object... args) {
                for (Object a : args) {
                    handle(a);
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                handle(value);
            }

            /** Method handles (tags from H_INVOKEVIRTUAL on; field handles are no call). */
            private void handle(Object value) {
                if (value instanceof Handle h && h.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
                    calls.add(new ClassCalls.Call(
                            caller,
                            h.getOwner(),
                            h.getName() + h.getDesc(),
                            h.getTag() == Opcodes.H_INVOKEVIRTUAL || h.getTag() == Opcodes.H_INVOKEINTERFACE));
                }
            }
        };
    }

    @Override
    public void visitEnd() {
        result = new ClassCalls(
                new CallGraph.Type(name, access, superName, interfaces, Map.copyOf(methods)), List.copyOf(calls));
    }
}
