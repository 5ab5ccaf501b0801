package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;

import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmFunction;
import dev.linmem.wasm.runtime.CallStackExhausted;

/**
 * The call target of one function of one instance. Its frame has one static slot per local and
 * per operand-stack position (locals first); it moves the arguments into the parameter slots,
 * zeroes the other locals, and runs the body.
 *
 * <p>It also keeps the thread's {@link CallDepth}: a call that would nest deeper than the limit
 * fails with {@link CallStackExhausted} before it runs, and a {@link StackOverflowError} from
 * below (the host's own frames had filled most of the stack) becomes the same exception here,
 * at the innermost wasm frame, so that it crosses the frames above it as a cheap Truffle
 * exception rather than as an Error every call boundary records.
 */
public final class WasmRootNode extends RootNode {
    private final String name;
    /** Slot kind of each local, from its declared type (see {@link BoundaryValues}). */
    @CompilationFinal(dimensions = 1) private final byte[] localKinds;
    private final int paramCount;
    private final ContextThreadLocal<CallDepth> callDepth;
    /** Units of the call depth limit a call of this function takes (see {@link CallDepth#unitsOf}). */
    private final int depthUnits;
    @Child private WasmFunctionNode body;

    /** @param language linmem-wasm's language, which keeps the per-thread {@link CallDepth} */
    public WasmRootNode(TruffleLanguage<?> language, WasmFunction function, String name) {
        super(language, frameDescriptor(function));
        this.name = name;
        ValType[] locals = function.locals();
        this.localKinds = BoundaryValues.kinds(locals);
        this.paramCount = function.paramCount();
        this.callDepth = ((CallDepth.PerThread) language).callDepth();
        this.depthUnits = CallDepth.unitsOf(locals.length + function.maxStackHeight());
    }

    private static FrameDescriptor frameDescriptor(WasmFunction function) {
        FrameDescriptor.Builder builder = FrameDescriptor.newBuilder();
        builder.addSlots(function.locals().length + function.maxStackHeight(), FrameSlotKind.Static);
        return builder.build();
    }

    /** Installs the body once every function of the instance has a call target (see {@link FunctionNodeFactory}). */
    public void setBody(WasmFunctionNode body) {
        this.body = insert(body);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        CallDepth depth = callDepth.get();
        // The count is restored to what this call found, not decremented: if a deeper frame
        // missed its restore (a StackOverflowError in its finally), this one still repairs it.
        int unitsBefore = depth.units;
        int unitsDuring = unitsBefore + depthUnits;
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, unitsDuring > depth.limit)) {
            throw CallStackExhausted.limitReached(name, depthUnits, depth.limitDescription, this);
        }
        depth.units = unitsDuring;
        try {
            initializeLocals(frame);
            return body.execute(frame);
        } catch (StackOverflowError overflow) {
            throw CallStackExhausted.javaStackOverflow(unitsDuring, depth.limitDescription, overflow, this);
        } finally {
            depth.units = unitsBefore;
        }
    }

    @ExplodeLoop
    private void initializeLocals(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        for (int i = 0; i < localKinds.length; i++) {
            if (i < paramCount) {
                BoundaryValues.write(frame, i, localKinds[i], args[i]);
            } else {
                BoundaryValues.writeZero(frame, i, localKinds[i]);
            }
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
