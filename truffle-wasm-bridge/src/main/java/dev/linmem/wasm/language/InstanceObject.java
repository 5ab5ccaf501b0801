package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * What {@code module.newInstance(...)} returns, as in GraalWasm 25 and the WebAssembly JS API: an
 * object with one read-only member, {@code exports} ({@link ExportsObject}).
 */
@ExportLibrary(InteropLibrary.class)
final class InstanceObject implements TruffleObject {
    private static final String EXPORTS = "exports";

    private final ModuleInstance instance;
    private final ExportsObject exports;

    InstanceObject(ModuleInstance instance) {
        this.instance = instance;
        this.exports = new ExportsObject(instance);
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new InteropArray(new Object[]{EXPORTS});
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return EXPORTS.equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (!EXPORTS.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return exports;
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
        return "wasm-module-instance(" + instance.name() + ")";
    }
}
