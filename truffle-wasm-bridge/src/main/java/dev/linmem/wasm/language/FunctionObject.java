package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.IndirectCallNode;

import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.HostFunctionException;

/**
 * A wasm function for other languages (an export, a funcref value): executable with values as
 * {@link InteropValues} converts them; several results come back as an array, no result as a
 * null value. As an import value of another instance it is linked directly, wasm to wasm.
 */
@ExportLibrary(InteropLibrary.class)
final class FunctionObject implements TruffleObject {
    final FunctionInstance function;

    FunctionObject(FunctionInstance function) {
        this.function = function;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    /** Guest code entry point: the host (or another language) calls a wasm function here. */
    @ExportMessage
    Object execute(Object[] arguments, @Cached IndirectCallNode call) throws ArityException, UnsupportedTypeException {
        ValType[] params = function.type().params();
        if (arguments.length != params.length) {
            throw ArityException.create(params.length, params.length, arguments.length);
        }
        Object[] internal = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            try {
                internal[i] = InteropValues.toInternal(params[i], arguments[i]);
            } catch (UnsupportedMessageException e) {
                throw unsupported(arguments, i, params[i]);
            }
        }
        Object result;
        try {
            result = call.call(function.callTarget(), internal);
        } catch (HostFunctionException thrown) {
            throw thrown.thrown();
        }
        return toInteropResult(result);
    }

    @TruffleBoundary
    private static UnsupportedTypeException unsupported(Object[] arguments, int index, ValType type) {
        return UnsupportedTypeException.create(arguments, "argument " + (index + 1) + " must be a " + type.text()
                        + (type == ValType.FUNCREF ? " (a " + WasmLanguage.ID + " function or null)" : " value"));
    }

    @TruffleBoundary
    private Object toInteropResult(Object result) {
        ValType[] results = function.type().results();
        if (results.length == 0) {
            return HostReference.NULL;
        }
        if (results.length == 1) {
            return InteropValues.toInterop(results[0], result);
        }
        Object[] values = (Object[]) result;
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = InteropValues.toInterop(results[i], values[i]);
        }
        return new InteropArray(converted);
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return WasmLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "wasm-function(" + function.debugName() + ")";
    }
}
