package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.runtime.FunctionInstance;

/**
 * Wasm values across the interop boundary, the internal representation on one side (numbers as
 * Long bits, references as objects) and interop values on the other: i32 as int, i64 as long, f32
 * as float, f64 as double, funcref as an executable {@link FunctionObject}, externref as it came.
 * Numbers coming in are converted with the interop number messages, so a JavaScript number or a
 * Java Integer passes for any numeric type it fits exactly.
 */
final class InteropValues {
    private InteropValues() {
    }

    /** {@code value} as an internal value of {@code type}; UnsupportedMessageException when it is none. */
    @TruffleBoundary
    static Object toInternal(ValType type, Object value) throws UnsupportedMessageException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        return switch (type) {
            case I32 -> (long) interop.asInt(value);
            case I64 -> interop.asLong(value);
            case F32 -> (long) Float.floatToRawIntBits(interop.asFloat(value));
            case F64 -> Double.doubleToRawLongBits(interop.asDouble(value));
            case FUNCREF -> {
                if (value instanceof FunctionObject f) {
                    yield f.function;
                } else if (interop.isNull(value)) {
                    yield null;
                }
                throw UnsupportedMessageException.create();
            }
            case EXTERNREF -> interop.isNull(value) ? null : value instanceof HostReference h ? h.reference : value;
        };
    }

    /** The internal value {@code internal} of {@code type} as an interop value. */
    @TruffleBoundary
    static Object toInterop(ValType type, Object internal) {
        return switch (type) {
            case I32 -> (int) (long) (Long) internal;
            case I64 -> (Long) internal;
            case F32 -> Float.intBitsToFloat((int) (long) (Long) internal);
            case F64 -> Double.longBitsToDouble((Long) internal);
            case FUNCREF -> internal == null ? HostReference.NULL : new FunctionObject((FunctionInstance) internal);
            // What came in through interop is an interop value already; an object the Java
            // embedding API passed in is wrapped so that it is one.
            case EXTERNREF -> internal == null ? HostReference.NULL : InteropLibrary.isValidValue(internal) ? internal : new HostReference(internal);
        };
    }
}
