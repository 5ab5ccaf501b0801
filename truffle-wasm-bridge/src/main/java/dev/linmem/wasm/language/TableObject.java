package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.linmem.wasm.runtime.TableInstance;

/**
 * An exported table for other languages: opaque, as in GraalWasm 25 (no interop type fits a
 * growable table of references), but importable by another instance, which then shares it.
 */
@ExportLibrary(InteropLibrary.class)
final class TableObject implements TruffleObject {
    final TableInstance table;

    TableObject(TableInstance table) {
        this.table = table;
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
        return "wasm-table(" + table.elementType().text() + ", " + table.size() + " elements)";
    }
}
