package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;

import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmFunction;

/**
 * The call target of one function of one instance. Its frame has one static slot per local and
 * per operand-stack position (locals first); it moves the arguments into the parameter slots,
 * zeroes the other locals, and runs the body.
 */
public final class WasmRootNode extends RootNode {
    private final String name;
    /** Slot kind of each local, from its declared type (see {@link BoundaryValues}). */
    @CompilationFinal(dimensions = 1) private final byte[] localKinds;
    private final int paramCount;
    @Child private WasmFunctionNode body;

    public WasmRootNode(TruffleLanguage<?> language, WasmFunction function, String name) {
        super(language, frameDescriptor(function));
        this.name = name;
        ValType[] locals = function.locals();
        this.localKinds = BoundaryValues.kinds(locals);
        this.paramCount = function.paramCount();
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
        initializeLocals(frame);
        return body.execute(frame);
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
