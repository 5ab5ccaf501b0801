package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.wasm.WasmException;

/**
 * A module that does not decode, validate or link, reported to a polyglot host as a guest
 * exception (the embedding API reports the same as {@link WasmException}). The message starts with
 * the kind and then the spec's text.
 */
final class ModuleRejectedException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    private ModuleRejectedException(String message) {
        super(message);
    }

    @TruffleBoundary
    static ModuleRejectedException of(WasmException e) {
        return new ModuleRejectedException(e.kind() + ": " + e.getMessage());
    }
}
