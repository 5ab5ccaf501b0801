package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * A WebAssembly trap raised by guest code: the message is the spec's text ("integer divide by
 * zero", "out of bounds table access", ...), which the embedding API turns into a
 * {@code WasmException} of kind TRAP. It is a Truffle exception so that it unwinds guest frames
 * cheaply and compiled code may throw it without deoptimizing the caller's semantics.
 */
public final class WasmTrap extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private WasmTrap(String message, Node location) {
        super(message, location);
    }

    /** Builds (does not throw) the trap, outside compiled code: callers write {@code throw WasmTrap.create(...)}. */
    @TruffleBoundary
    public static WasmTrap create(String message, Node location) {
        return new WasmTrap(message, location);
    }

    @TruffleBoundary
    public static WasmTrap create(String message) {
        return new WasmTrap(message, null);
    }
}
