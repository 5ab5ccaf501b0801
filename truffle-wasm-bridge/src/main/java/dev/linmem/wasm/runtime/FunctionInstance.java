package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

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
    /** The wasm instance whose code this is; null for host functions. */
    private final ModuleInstance instance;
    /** The call target that enters the instance's memories first; made on first use. */
    private volatile CallTarget entryTarget;

    /** A host function: it belongs to no wasm instance and touches no memory by itself. */
    public FunctionInstance(FuncType type, int typeId, String debugName) {
        this(type, typeId, debugName, null);
    }

    /** A function of the wasm instance {@code instance}. */
    public FunctionInstance(FuncType type, int typeId, String debugName, ModuleInstance instance) {
        this.type = type;
        this.typeId = typeId;
        this.debugName = debugName;
        this.instance = instance;
    }

    /** The wasm instance this function belongs to, or null for a host function. */
    public ModuleInstance instance() {
        return instance;
    }

    /**
     * The call target for calls from outside the function's instance (the host, another instance):
     * it enters the instance's memories around the call (see {@link InstanceEntryRootNode}). Calls
     * from the same instance use {@link #callTarget()}.
     */
    public CallTarget entryTarget() {
        CallTarget target = entryTarget;
        return target != null ? target : createEntryTarget();
    }

    @TruffleBoundary
    private synchronized CallTarget createEntryTarget() {
        if (entryTarget == null) {
            entryTarget = instance == null ? callTarget : new InstanceEntryRootNode(instance.memories(), callTarget, debugName + " (entry)").getCallTarget();
        }
        return entryTarget;
    }

    /** The call target a call from {@code caller}'s code uses: the plain one within an instance, the entry otherwise. */
    public CallTarget callTargetFrom(ModuleInstance caller) {
        return caller == instance ? callTarget : entryTarget();
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
