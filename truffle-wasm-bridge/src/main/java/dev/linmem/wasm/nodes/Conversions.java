package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.nodes.Node;

import dev.linmem.wasm.runtime.WasmTrap;

/**
 * Float-to-integer truncation (trapping and saturating) and unsigned integer-to-float conversion.
 * The range bounds are written as the first float values outside the target range, which are
 * exactly representable, so each check is one exact comparison.
 */
public final class Conversions {
    private static final double TWO_POW_31 = 2147483648.0;
    private static final double TWO_POW_32 = 4294967296.0;
    private static final double TWO_POW_63 = 9223372036854775808.0;
    private static final double TWO_POW_64 = 18446744073709551616.0;

    private Conversions() {
    }

    // Trapping truncation: NaN is "invalid conversion", anything else out of range is "integer overflow".
    // An f32 operand is widened to double first; that is exact, so the f64 bounds serve both.

    public static int i32TruncS(double x, Node site) {
        if (Double.isNaN(x)) {
            throw invalidConversion(site);
        }
        // -2^31 - 1 < x < 2^31: the truncated value fits.
        if (!(x > -TWO_POW_31 - 1.0 && x < TWO_POW_31)) {
            throw IntegerOps.overflow(site);
        }
        return (int) x;
    }

    public static int i32TruncU(double x, Node site) {
        if (Double.isNaN(x)) {
            throw invalidConversion(site);
        }
        if (!(x > -1.0 && x < TWO_POW_32)) {
            throw IntegerOps.overflow(site);
        }
        return (int) (long) x;
    }

    public static long i64TruncS(double x, Node site) {
        if (Double.isNaN(x)) {
            throw invalidConversion(site);
        }
        if (!(x >= -TWO_POW_63 && x < TWO_POW_63)) {
            throw IntegerOps.overflow(site);
        }
        return (long) x;
    }

    public static long i64TruncU(double x, Node site) {
        if (Double.isNaN(x)) {
            throw invalidConversion(site);
        }
        if (!(x > -1.0 && x < TWO_POW_64)) {
            throw IntegerOps.overflow(site);
        }
        return unsignedLongOf(x);
    }

    // Saturating truncation: Java's casts already saturate and map NaN to 0 for the signed cases.

    public static int i32TruncSatS(double x) {
        return (int) x;
    }

    public static int i32TruncSatU(double x) {
        if (!(x > -1.0)) {
            return 0; // negative or NaN
        }
        if (x >= TWO_POW_32) {
            return -1;
        }
        return (int) (long) x;
    }

    public static long i64TruncSatS(double x) {
        return (long) x;
    }

    public static long i64TruncSatU(double x) {
        if (!(x > -1.0)) {
            return 0;
        }
        if (x >= TWO_POW_64) {
            return -1L;
        }
        return unsignedLongOf(x);
    }

    /** x in (-1, 2^64): values at or above 2^63 are shifted down into long range and back. */
    private static long unsignedLongOf(double x) {
        if (x < TWO_POW_63) {
            return (long) x;
        }
        return (long) (x - TWO_POW_63) + Long.MIN_VALUE;
    }

    // Unsigned integer to float. Java's long-to-float/double conversions round to nearest even,
    // so a non-negative long converts directly; a "negative" (>= 2^63) value is halved with its
    // lowest bit kept as a sticky bit, converted, and doubled, which rounds the same way.

    public static float f32ConvertU32(int x) {
        return Integer.toUnsignedLong(x);
    }

    public static double f64ConvertU32(int x) {
        return Integer.toUnsignedLong(x);
    }

    public static float f32ConvertU64(long x) {
        if (x >= 0) {
            return x;
        }
        return ((float) ((x >>> 1) | (x & 1))) * 2.0f;
    }

    public static double f64ConvertU64(long x) {
        if (x >= 0) {
            return x;
        }
        return ((double) ((x >>> 1) | (x & 1))) * 2.0;
    }

    private static WasmTrap invalidConversion(Node site) {
        return WasmTrap.create("invalid conversion to integer", site);
    }
}
