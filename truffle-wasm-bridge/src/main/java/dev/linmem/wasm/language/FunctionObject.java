package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.IndirectCallNode;

import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.HostFunctionException;

/**
 * An exported function for other languages: numbers in, numbers out (i32 as int, i64 as long,
 * f32 as float, f64 as double); several results come back as an array. Arguments are converted
 * with the interop number messages, so a JavaScript number passes for any numeric parameter it
 * fits exactly.
 */
@ExportLibrary(InteropLibrary.class)
final class FunctionObject implements TruffleObject {
    final FunctionInstance function;

    FunctionObject(FunctionInstance function) {
        this.function = function;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(Object[] arguments, @Cached IndirectCallNode call) throws ArityException, UnsupportedTypeException {
        ValType[] params = function.type().params();
        if (arguments.length != params.length) {
            throw ArityException.create(params.length, params.length, arguments.length);
        }
        Object[] internal = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            internal[i] = toInternal(params[i], arguments[i], arguments);
        }
        Object result;
        try {
            result = call.call(function.callTarget(), internal);
        } catch (HostFunctionException thrown) {
            throw thrown.thrown();
        }
        return toGuestResult(result);
    }

    @TruffleBoundary
    private static Object toInternal(ValType type, Object argument, Object[] arguments) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(argument);
        try {
            return switch (type) {
                case I32 -> (long) interop.asInt(argument);
                case I64 -> interop.asLong(argument);
                case F32 -> (long) Float.floatToRawIntBits(interop.asFloat(argument));
                case F64 -> Double.doubleToRawLongBits(interop.asDouble(argument));
                case FUNCREF -> argument instanceof FunctionObject f ? f.function : interop.isNull(argument) ? null : unsupported(arguments);
                case EXTERNREF -> interop.isNull(argument) ? null : argument;
            };
        } catch (UnsupportedMessageException e) {
            throw UnsupportedTypeException.create(arguments, "expected a " + type.text() + " value");
        }
    }

    private static Object unsupported(Object[] arguments) throws UnsupportedTypeException {
        throw UnsupportedTypeException.create(arguments, "expected a linmem-wasm function or null");
    }

    @TruffleBoundary
    private Object toGuestResult(Object result) {
        ValType[] results = function.type().results();
        if (results.length == 0) {
            return new ExportsObject.HostReference(null);
        }
        if (results.length == 1) {
            return toGuest(results[0], result);
        }
        Object[] values = (Object[]) result;
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = toGuest(results[i], values[i]);
        }
        return new InteropArray(converted);
    }

    private static Object toGuest(ValType type, Object internal) {
        return switch (type) {
            case I32 -> (int) (long) (Long) internal;
            case I64 -> (Long) internal;
            case F32 -> Float.intBitsToFloat((int) (long) (Long) internal);
            case F64 -> Double.longBitsToDouble((Long) internal);
            case FUNCREF -> internal == null ? new ExportsObject.HostReference(null) : new FunctionObject((FunctionInstance) internal);
            // A host object that came in through interop is already an interop value; one the Java
            // embedding API passed in is wrapped so that it is one.
            case EXTERNREF -> internal instanceof TruffleObject ? internal : new ExportsObject.HostReference(internal);
        };
    }
}
