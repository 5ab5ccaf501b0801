package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;

/**
 * An instance's {@code exports} member, as in GraalWasm 25 and the WebAssembly JS API: a member per
 * export, in the module's order. Functions are executables ({@link FunctionObject}) and invocable
 * as members ({@code exports.invokeMember("add", 1, 2)}), memories the library's
 * {@link LinearMemory} (an interop buffer: a JavaScript {@code DataView} or typed array reads it),
 * globals {@link GlobalObject}s with a {@code value} member, tables opaque {@link TableObject}s.
 */
@ExportLibrary(InteropLibrary.class)
final class ExportsObject implements TruffleObject {
    private final ModuleInstance instance;

    ExportsObject(ModuleInstance instance) {
        this.instance = instance;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new InteropArray(instance.exports().keySet().toArray(String[]::new));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return instance.export(member) != null;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInvocable(String member) {
        return instance.export(member) instanceof FunctionInstance;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object external = instance.export(member);
        if (external instanceof FunctionInstance function) {
            return new FunctionObject(function);
        } else if (external instanceof LinearMemory memory) {
            return memory;
        } else if (external instanceof GlobalInstance global) {
            return new GlobalObject(global);
        } else if (external instanceof TableInstance table) {
            return new TableObject(table);
        }
        throw UnknownIdentifierException.create(member);
    }

    /** Guest code entry point, through {@link FunctionObject#execute}. */
    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, UnsupportedMessageException, ArityException, UnsupportedTypeException {
        if (!(instance.export(member) instanceof FunctionInstance function)) {
            throw UnknownIdentifierException.create(member);
        }
        FunctionObject executable = new FunctionObject(function);
        return InteropLibrary.getUncached(executable).execute(executable, arguments);
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
        return "wasm-instance-exports(" + instance.name() + ")";
    }
}
