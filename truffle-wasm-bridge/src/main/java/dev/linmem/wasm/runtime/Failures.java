package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.wasm.WasmException;

/**
 * Turns what guest execution throws into the embedding API's {@link WasmException}: traps (ours and
 * the memory library's {@code MemoryTrap}) become TRAP with the spec's text, a Java stack overflow
 * (deep wasm recursion) becomes EXHAUSTION "call stack exhausted".
 */
public final class Failures {
    private Failures() {
    }

    public static WasmException fromTrap(AbstractTruffleException trap) {
        return new WasmException(WasmException.Kind.TRAP, trap.getMessage(), -1, trap);
    }

    public static WasmException callStackExhausted(StackOverflowError error) {
        return new WasmException(WasmException.Kind.EXHAUSTION, "call stack exhausted", -1, error);
    }
}
