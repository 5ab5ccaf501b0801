package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * The call target of a function implemented in Java (the {@code spectest} prints, host imports).
 * Arguments and result use the internal value representation, like every wasm call target.
 */
public final class HostFunctionRootNode extends RootNode {
    /** Java code callable from wasm. */
    @FunctionalInterface
    public interface HostCode {
        /** Returns null (no result), a value, or Object[] for several results. */
        Object call(Object[] arguments);
    }

    private final String name;
    private final HostCode code;

    public HostFunctionRootNode(TruffleLanguage<?> language, String name, HostCode code) {
        super(language);
        this.name = name;
        this.code = code;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return callHost(frame.getArguments());
    }

    /**
     * Exceptions thrown by host code (a deliberate trap, an embedder's own exception) pass through
     * compiled callers without deoptimizing them: the default boundary would go back to the
     * interpreter on every such throw.
     */
    @TruffleBoundary(transferToInterpreterOnException = false)
    private Object callHost(Object[] arguments) {
        return code.call(arguments);
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
