package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import dev.linmem.wasm.module.FuncType;

/**
 * A function instance: what {@code funcref} values, tables and imports hold. Its call target takes
 * the arguments in the internal value representation (see {@link Values}) and returns null (no
 * result), the single result, or an {@code Object[]} of results.
 */
public final class FunctionInstance {
    private final FuncType type;
    /** Canonical id of {@link #type} within the language, so call_indirect compares one int. */
    private final int typeId;
    private final String debugName;
    /** Set once, right after the root node is built (functions of one module refer to each other). */
    @CompilationFinal private CallTarget callTarget;

    public FunctionInstance(FuncType type, int typeId, String debugName) {
        this.type = type;
        this.typeId = typeId;
        this.debugName = debugName;
    }

    public FuncType type() {
        return type;
    }

    /** The name traces and stack traces use: {@code instance.export}, {@code instance.funcN} or {@code module.field} of a host import. */
    public String debugName() {
        return debugName;
    }

    public int typeId() {
        return typeId;
    }

    public CallTarget callTarget() {
        return callTarget;
    }

    public void setCallTarget(CallTarget target) {
        if (this.callTarget != null) {
            throw new IllegalStateException("call target of " + debugName + " already set");
        }
        this.callTarget = target;
    }

    @Override
    public String toString() {
        return "func " + debugName + " " + type;
    }
}
