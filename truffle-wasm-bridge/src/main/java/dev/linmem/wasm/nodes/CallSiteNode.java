package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.ValType;

/**
 * A call instruction site: moves the arguments from the caller's operand stack into the
 * call-target arguments and the results back. Which slot half (primitive or object) each value
 * uses is fixed by the callee's type, kept here as a constant.
 */
abstract class CallSiteNode extends Node {
    @CompilationFinal(dimensions = 1) private final boolean[] paramIsReference;
    @CompilationFinal(dimensions = 1) private final boolean[] resultIsReference;

    CallSiteNode(FuncType type) {
        this.paramIsReference = referenceFlags(type.params());
        this.resultIsReference = referenceFlags(type.results());
    }

    static boolean[] referenceFlags(ValType[] types) {
        boolean[] flags = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            flags[i] = types[i].isReference();
        }
        return flags;
    }

    /** Executes the call with the operands below {@code sp}; returns the new stack top. */
    abstract int execute(VirtualFrame frame, int sp);

    final int parameterCount() {
        return paramIsReference.length;
    }

    /** Reads the arguments, which are the top {@code parameterCount()} operands below {@code base + count}. */
    @ExplodeLoop
    final Object[] readArguments(VirtualFrame frame, int base) {
        Object[] args = new Object[paramIsReference.length];
        for (int i = 0; i < paramIsReference.length; i++) {
            args[i] = paramIsReference[i] ? frame.getObjectStatic(base + i) : (Object) frame.getLongStatic(base + i);
        }
        return args;
    }

    /** Pushes the callee's results (null, a value, or Object[] for several) at {@code base}; returns the new top. */
    @ExplodeLoop
    final int pushResults(VirtualFrame frame, int base, Object result) {
        int count = resultIsReference.length;
        if (count == 0) {
            return base;
        }
        if (count == 1) {
            push(frame, base, resultIsReference[0], result);
            return base + 1;
        }
        Object[] results = (Object[]) result;
        for (int i = 0; i < count; i++) {
            push(frame, base + i, resultIsReference[i], results[i]);
        }
        return base + count;
    }

    private static void push(VirtualFrame frame, int slot, boolean isReference, Object value) {
        if (isReference) {
            frame.setObjectStatic(slot, value);
        } else {
            frame.setLongStatic(slot, (Long) value);
        }
    }
}
