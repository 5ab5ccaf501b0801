package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.Values;

/**
 * An instance's exports for other languages: functions as executables ({@link FunctionObject}),
 * memories as the library's {@link LinearMemory} (an interop buffer), globals as their current
 * value. Tables are not readable: no interop type fits a table of references.
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
        return new InteropArray(instance.exports().keySet().stream()
                        .filter(name -> readable(instance.export(name))).toArray(String[]::new));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return readable(instance.export(member));
    }

    private static boolean readable(Object external) {
        return external instanceof FunctionInstance || external instanceof LinearMemory || external instanceof GlobalInstance;
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
            Object value = Values.toApi(global.type().valueType(), global.value());
            return value == null || value instanceof Number ? value : new HostReference(value);
        }
        throw UnknownIdentifierException.create(member);
    }

    /** A reference value (a function or host object in a global) that has no interop shape of its own. */
    @ExportLibrary(InteropLibrary.class)
    static final class HostReference implements TruffleObject {
        final Object reference;

        HostReference(Object reference) {
            this.reference = reference;
        }

        @ExportMessage
        boolean isNull() {
            return reference == null;
        }
    }
}
