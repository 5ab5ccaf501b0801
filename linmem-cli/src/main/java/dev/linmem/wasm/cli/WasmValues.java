package dev.linmem.wasm.cli;

import dev.linmem.wasm.module.ValType;
import java.util.regex.Pattern;

/** Command-line text to wasm values and back, for {@code bin/linmem run}. */
final class WasmValues {

    /** Decimal floats only: Java's own parser would also take hex floats, "Infinity" and a trailing "f". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private WasmValues() {
    }

    /**
     * Parses an argument as a value of {@code type}: i32/i64 in decimal (signed, or unsigned up to
     * the type's width) or 0x hex; f32/f64 in decimal, nan, inf, -inf.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static Object parse(String text, ValType type) {
        String t = text.trim();
        return switch (type) {
            case I32 -> (int) parseInteger(t, 32);
            case I64 -> parseInteger(t, 64);
            case F32 -> (float) parseFloat(t, "f32");
            case F64 -> parseFloat(t, "f64");
            default -> throw new IllegalArgumentException("parameters of type " + name(type) + " cannot be given on the command line");
        };
    }

    /** Formats a result: integers signed decimal, floats decimal with nan and inf as in the text format. */
    static String format(Object value) {
        return switch (value) {
            case null -> "null";
            case Float f when f.isNaN() -> "nan";
            case Double d when d.isNaN() -> "nan";
            case Float f when f.isInfinite() -> f > 0 ? "inf" : "-inf";
            case Double d when d.isInfinite() -> d > 0 ? "inf" : "-inf";
            default -> value.toString();
        };
    }

    static String name(ValType type) {
        return type.text();
    }

    private static long parseInteger(String t, int bits) {
        boolean negative = t.startsWith("-");
        String digits = negative || t.startsWith("+") ? t.substring(1) : t;
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        String what = bits == 32 ? "i32" : "i64";
        long magnitude;
        try {
            magnitude = Long.parseUnsignedLong(hex ? digits.substring(2) : digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not an " + what + " (decimal or 0x hex)");
        }
        // In range: signed values from -2^(bits-1), unsigned up to 2^bits - 1, like wat's integer literals.
        boolean fits = bits == 64
                ? !negative || Long.compareUnsigned(magnitude, Long.MIN_VALUE) <= 0
                : negative ? magnitude <= 0x8000_0000L : Long.compareUnsigned(magnitude, 0xffff_ffffL) <= 0;
        if (!fits) {
            throw new IllegalArgumentException("'" + t + "' is out of range for " + what);
        }
        return negative ? -magnitude : magnitude;
    }

    private static double parseFloat(String t, String what) {
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1 : 1;
        if (unsigned.equals("nan")) {
            return Math.copySign(Double.NaN, sign);
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + t + "' is not an " + what + " (decimal, nan, inf or -inf)");
        }
        // f32 arguments are rounded once, from the decimal text, not via double.
        return what.equals("f32") ? Float.parseFloat(t) : Double.parseDouble(t);
    }
}
