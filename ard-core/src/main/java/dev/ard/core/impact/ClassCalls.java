package dev.ard.core.impact;

import java.util.List;

/**
 * What the {@link CallGraph} keeps of one class file: its type (flags, supertypes, methods with their flags) and the
 * calls its methods make. Extracted in the same ASM pass as the {@link ClassNode} ({@link BytecodeScanner}) and kept
 * beside it in the {@link GraphCache}, so a build whose class files did not change parses none for the call graph.
 *
 * @param calls every distinct call of every method, in method order
 */
record ClassCalls(CallGraph.Type type, List<Call> calls) {

    /**
     * An {@code invoke*} instruction or a method handle ({@code invokedynamic} bootstrap argument, {@code ldc}) in the
     * body of {@code caller}.
     *
     * @param caller  the calling method of this class, {@code name + descriptor}
     * @param owner   the class the instruction names (internal name; the callee is resolved from it)
     * @param key     the callee's {@code name + descriptor}
     * @param virtual dispatched on the receiver ({@code invokevirtual}, {@code invokeinterface} and their handles): every
     *                override in a subtype may run
     */
    record Call(String caller, String owner, String key, boolean virtual) {}

    ClassCalls {
        calls = List.copyOf(calls);
    }
}
