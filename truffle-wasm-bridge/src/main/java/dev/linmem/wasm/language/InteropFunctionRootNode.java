package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.nodes.RootNode;

import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.runtime.WasmTrap;

/**
 * The call target of an imported executable of another language, for one importing instance: it
 * converts the arguments to interop values, executes the callee through a library cached for it
 * (so that a JavaScript function may even inline into the wasm caller), and converts the result
 * back to the import's declared result types. A result that does not fit them traps, naming the
 * import; exceptions of the callee (a JavaScript error, a Java host exception) pass through as
 * they are.
 */
final class InteropFunctionRootNode extends RootNode {
    private final FuncType type;
    private final Object executable;
    private final String name;
    @Child private InteropLibrary interop;

    InteropFunctionRootNode(TruffleLanguage<?> language, FuncType type, Object executable, String name) {
        super(language);
        this.type = type;
        this.executable = executable;
        this.name = name;
        this.interop = InteropLibrary.getFactory().create(executable);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] arguments = toInterop(frame.getArguments());
        Object result;
        try {
            result = interop.execute(executable, arguments);
        } catch (InteropException e) {
            throw callFailed(e);
        }
        return fromInterop(result);
    }

    /** In place: the caller passed a fresh array (see HostCall). */
    @TruffleBoundary
    private Object[] toInterop(Object[] arguments) {
        ValType[] params = type.params();
        for (int i = 0; i < params.length; i++) {
            arguments[i] = InteropValues.toInterop(params[i], arguments[i]);
        }
        return arguments;
    }

    @TruffleBoundary
    private Object fromInterop(Object result) {
        ValType[] results = type.results();
        if (results.length == 0) {
            return null;
        }
        if (results.length == 1) {
            return one(results[0], result, "its result");
        }
        InteropLibrary values = InteropLibrary.getUncached(result);
        try {
            if (!values.hasArrayElements(result) || values.getArraySize(result) != results.length) {
                throw WasmTrap.create(name + " must return an array of " + results.length + " results", this);
            }
            Object[] internal = new Object[results.length];
            for (int i = 0; i < results.length; i++) {
                internal[i] = one(results[i], values.readArrayElement(result, i), "result " + (i + 1));
            }
            return internal;
        } catch (InteropException e) {
            throw callFailed(e);
        }
    }

    private Object one(ValType expected, Object value, String which) {
        try {
            return InteropValues.toInternal(expected, value);
        } catch (UnsupportedMessageException e) {
            throw WasmTrap.create(name + " returned " + InteropLibrary.getUncached().toDisplayString(value) + " as " + which + ", which is not a "
                            + expected.text() + " value", this);
        }
    }

    @TruffleBoundary
    private WasmTrap callFailed(InteropException e) {
        return WasmTrap.create("calling " + name + " failed: " + e.getMessage(), this);
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
