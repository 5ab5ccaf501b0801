package dev.linmem.wasm.cli;

/**
 * One typed value of a wast2json command: an argument to pass or a result to expect.
 *
 * <p>wast2json writes numbers as the unsigned decimal string of their bit pattern, so that
 * floats keep their exact bits (NaN payloads, negative zero). Arguments are turned into the
 * embedding API's boxes (Integer, Long, Float, Double); results are compared by bits, never
 * by {@code ==}, which would call NaN unequal to itself and -0.0 equal to 0.0.
 *
 * @param type  the wast2json type name: i32, i64, f32, f64, funcref, externref, ...
 * @param value the value text, or {@code null} where wast2json gives only the type
 *              (the results of {@code assert_trap} and of plain actions)
 */
public record SpecValue(String type, String value) {

    /** A value the runner cannot represent (v128, non-null references): the command is skipped. */
    public static final class UnsupportedValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedValueException(String message) {
            super(message);
        }
    }

    /** The value as an argument of {@code WasmInstance.invoke}. */
    public Object toArgument() {
        return switch (type) {
            case "i32" -> (int) parseBits();
            case "i64" -> parseBits();
            case "f32" -> Float.intBitsToFloat((int) parseBits());
            case "f64" -> Double.longBitsToDouble(parseBits());
            case "funcref", "externref" -> referenceNull();
            default -> throw unsupported();
        };
    }

    /** Whether {@code actual}, a value returned by the engine, is this expected value. */
    public boolean matches(Object actual) {
        switch (type) {
            case "i32":
                return actual instanceof Integer i && i == (int) parseBits();
            case "i64":
                return actual instanceof Long l && l == parseBits();
            case "f32":
                if (!(actual instanceof Float f)) {
                    return false;
                }
                int floatBits = Float.floatToRawIntBits(f);
                return switch (value) {
                    case "nan:canonical" -> (floatBits & 0x7fff_ffff) == 0x7fc0_0000;
                    case "nan:arithmetic" -> (floatBits & 0x7fc0_0000) == 0x7fc0_0000;
                    default -> floatBits == (int) parseBits();
                };
            case "f64":
                if (!(actual instanceof Double d)) {
                    return false;
                }
                long doubleBits = Double.doubleToRawLongBits(d);
                return switch (value) {
                    case "nan:canonical" -> (doubleBits & 0x7fff_ffff_ffff_ffffL) == 0x7ff8_0000_0000_0000L;
                    case "nan:arithmetic" -> (doubleBits & 0x7ff8_0000_0000_0000L) == 0x7ff8_0000_0000_0000L;
                    default -> doubleBits == parseBits();
                };
            case "funcref", "externref":
                // The embedding API hands a null reference to Java as null.
                return referenceNull() == null && actual == null;
            default:
                throw unsupported();
        }
    }

    /** Checks up front that the runner can represent this value, so a command is skipped before it runs. */
    public void checkSupported() {
        if (value == null) {
            return;
        }
        if (type.startsWith("f") && value.startsWith("nan:")) {
            return;
        }
        toArgument();
    }

    @Override
    public String toString() {
        if (value == null) {
            return type;
        }
        if (value.startsWith("nan:") || "null".equals(value)) {
            return type + ":" + value;
        }
        return switch (type) {
            case "i32", "i64", "f32", "f64" -> describe(toArgument());
            default -> type + ":" + value;
        };
    }

    /** A value returned by the engine, written so that a failure message shows its exact bits. */
    public static String describe(Object actual) {
        return switch (actual) {
            case null -> "null";
            case Integer i -> "i32:" + i;
            case Long l -> "i64:" + l;
            case Float f -> "f32:" + f + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
            case Double d -> "f64:" + d + " (0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
            default -> actual.getClass().getSimpleName() + ":" + actual;
        };
    }

    private long parseBits() {
        if (value == null) {
            throw new IllegalStateException(type + " value without a value");
        }
        // Unsigned decimal as wast2json writes it; a leading minus also works, for hand-written files.
        return value.startsWith("-") ? Long.parseLong(value) : Long.parseUnsignedLong(value);
    }

    private Object referenceNull() {
        if (!"null".equals(value)) {
            throw new UnsupportedValueException("non-null " + type + " values are not supported by the runner");
        }
        return null;
    }

    private UnsupportedValueException unsupported() {
        return new UnsupportedValueException("values of type " + type + " are not supported by the runner");
    }
}
