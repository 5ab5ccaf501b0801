package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.linmem.wasm.runtime.GlobalInstance;

/**
 * An exported global for other languages, as GraalWasm 25 and the WebAssembly JS API show one: an
 * object whose member {@code value} is the current value, writable when the global is mutable.
 * As an import value of another instance it is the very global, shared.
 */
@ExportLibrary(InteropLibrary.class)
final class GlobalObject implements TruffleObject {
    private static final String VALUE = "value";

    final GlobalInstance global;

    GlobalObject(GlobalInstance global) {
        this.global = global;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new InteropArray(new Object[]{VALUE});
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return VALUE.equals(member);
    }

    @ExportMessage
    boolean isMemberModifiable(String member) {
        return VALUE.equals(member) && global.type().mutable();
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (!VALUE.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return InteropValues.toInterop(global.type().valueType(), global.value());
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedMessageException, UnsupportedTypeException {
        if (!VALUE.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        if (!global.type().mutable()) {
            throw UnsupportedMessageException.create();
        }
        try {
            global.setValue(InteropValues.toInternal(global.type().valueType(), value));
        } catch (UnsupportedMessageException e) {
            throw UnsupportedTypeException.create(new Object[]{value}, "the global holds " + global.type().valueType().text() + " values");
        }
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
        return "wasm-global(" + (global.type().mutable() ? "mut " : "") + global.type().valueType().text() + ")";
    }
}
