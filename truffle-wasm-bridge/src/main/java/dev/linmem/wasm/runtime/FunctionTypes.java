package dev.linmem.wasm.runtime;

import java.util.HashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.linmem.wasm.module.FuncType;

/**
 * Gives every distinct function type one small integer, shared by all modules of a context, so
 * that {@code call_indirect} checks a callee's type with one int comparison even when the callee
 * comes from another module (type equality across modules is structural).
 */
public final class FunctionTypes {
    private final Map<FuncType, Integer> ids = new HashMap<>();

    @TruffleBoundary
    public synchronized int idOf(FuncType type) {
        return ids.computeIfAbsent(type, t -> ids.size());
    }
}
