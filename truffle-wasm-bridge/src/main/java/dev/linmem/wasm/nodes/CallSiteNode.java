package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.wasm.module.FuncType;

/**
 * A call instruction site: moves the arguments from the caller's operand stack into the
 * call-target arguments and the results back. Which slot kind (int, long or object) each value
 * uses is fixed by the callee's type, kept here as a constant.
 */
abstract class CallSiteNode extends Node {
    /** Slot kinds of the parameters and results (see {@link BoundaryValues}). */
    @CompilationFinal(dimensions = 1) private final byte[] paramKinds;
    @CompilationFinal(dimensions = 1) private final byte[] resultKinds;

    CallSiteNode(FuncType type) {
        this.paramKinds = BoundaryValues.kinds(type.params());
        this.resultKinds = BoundaryValues.kinds(type.results());
    }

    /** Executes the call with the operands below {@code sp}; returns the new stack top. */
    abstract int execute(VirtualFrame frame, int sp);

    final int parameterCount() {
        return paramKinds.length;
    }

    /** Reads the arguments, which are the top {@code parameterCount()} operands below {@code base + count}. */
    @ExplodeLoop
    final Object[] readArguments(VirtualFrame frame, int base) {
        Object[] args = new Object[paramKinds.length];
        for (int i = 0; i < paramKinds.length; i++) {
            args[i] = BoundaryValues.read(frame, base + i, paramKinds[i]);
        }
        return args;
    }

    /** Pushes the callee's results (null, a value, or Object[] for several) at {@code base}; returns the new top. */
    @ExplodeLoop
    final int pushResults(VirtualFrame frame, int base, Object result) {
        int count = resultKinds.length;
        if (count == 0) {
            return base;
        }
        if (count == 1) {
            BoundaryValues.write(frame, base, resultKinds[0], result);
            return base + 1;
        }
        Object[] results = (Object[]) result;
        for (int i = 0; i < count; i++) {
            BoundaryValues.write(frame, base + i, resultKinds[i], results[i]);
        }
        return base + count;
    }
}
