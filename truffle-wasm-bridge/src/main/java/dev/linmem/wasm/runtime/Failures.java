package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.wasm.WasmException;

/**
 * Turns what guest execution throws into the embedding API's {@link WasmException}: traps (ours and
 * the memory library's {@code MemoryTrap}) become TRAP with the spec's text; calls nested past the
 * call depth limit ({@link CallStackExhausted}) and a Java stack overflow outside any wasm frame
 * become EXHAUSTION "call stack exhausted".
 */
public final class Failures {
    private Failures() {
    }

    public static WasmException fromTrap(AbstractTruffleException trap) {
        WasmException.Kind kind = trap instanceof CallStackExhausted ? WasmException.Kind.EXHAUSTION : WasmException.Kind.TRAP;
        return new WasmException(kind, trap.getMessage(), -1, trap);
    }

    public static WasmException callStackExhausted(StackOverflowError error) {
        return new WasmException(WasmException.Kind.EXHAUSTION, CallStackExhausted.SPEC_TEXT + ": the Java stack of thread \""
                        + Thread.currentThread().getName() + "\" overflowed outside wasm code", -1, error);
    }
}
