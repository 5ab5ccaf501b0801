package dev.linmem.wasm.runtime;

import dev.linmem.wasm.module.ValType;

/**
 * The two value representations and the conversion between them.
 * <ul>
 * <li>Internal (frames, globals, call-target arguments and results): every number is a
 * {@code long} of raw bits: i32 sign-extended, f32 as its 32 IEEE bits, f64 as its 64 bits, so
 * that NaN payloads never pass through a Java float operation on their way. References are a
 * {@link FunctionInstance}, a host object, or null.</li>
 * <li>API (the embedding API): Integer, Long, Float, Double; references as above.</li>
 * </ul>
 */
public final class Values {
    private Values() {
    }

    /** Converts an API value of {@code type} into the internal representation; throws IllegalArgumentException on a type mismatch. */
    public static Object toInternal(ValType type, Object value) {
        return switch (type) {
            case I32 -> {
                if (value instanceof Integer i) {
                    yield (long) i;
                }
                throw mismatch(type, value);
            }
            case I64 -> {
                if (value instanceof Long l) {
                    yield l;
                }
                throw mismatch(type, value);
            }
            case F32 -> {
                if (value instanceof Float f) {
                    yield (long) Float.floatToRawIntBits(f);
                }
                throw mismatch(type, value);
            }
            case F64 -> {
                if (value instanceof Double d) {
                    yield Double.doubleToRawLongBits(d);
                }
                throw mismatch(type, value);
            }
            case FUNCREF -> {
                if (value == null || value instanceof FunctionInstance) {
                    yield value;
                }
                throw mismatch(type, value);
            }
            case EXTERNREF -> value;
        };
    }

    /** Converts an internal value of {@code type} into the API representation. */
    public static Object toApi(ValType type, Object internal) {
        return switch (type) {
            case I32 -> (int) (long) (Long) internal;
            case I64 -> (Long) internal;
            case F32 -> Float.intBitsToFloat((int) (long) (Long) internal);
            case F64 -> Double.longBitsToDouble((Long) internal);
            case FUNCREF, EXTERNREF -> internal;
        };
    }

    /** The zero value of a type: 0 bits for numbers, null for references. */
    public static Object defaultInternal(ValType type) {
        return type.isReference() ? null : (Object) 0L;
    }

    private static IllegalArgumentException mismatch(ValType type, Object value) {
        return new IllegalArgumentException("expected a " + type.text() + " value, got " + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }
}
