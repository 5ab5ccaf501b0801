package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives;

/**
 * Float instructions whose Java spelling is not a single operator. Sign manipulation (abs, neg,
 * copysign) works on the bit pattern, as the spec defines it, so that NaN payloads and signs pass
 * through unchanged; Math.abs/copySign make no such promise for NaNs.
 *
 * <p>Every other operation must return an arithmetic NaN (quiet bit set) for a NaN operand. Java's
 * arithmetic operators do (the hardware quiets), but Math.min/max and the software paths of
 * ceil/floor/rint may hand a signalling NaN back unchanged, so those go through {@code x + x} (or
 * {@code a + b}) first, which quiets the NaN and keeps its payload. And in compiled code the operators
 * themselves may not run at all: see {@link #f32Arithmetic}.
 */
public final class FloatOps {
    private FloatOps() {
    }

    /**
     * The result {@code r} of f32 add, sub, mul, div or demote, with the quiet bit set when it is a
     * NaN. Graal folds {@code x * 1}, {@code 1 * x}, {@code x / 1}, {@code x - 0}, {@code x + -0},
     * {@code -0 + x} and {@code demote(promote(x))} to {@code x}, and {@code -0 - x} to {@code -x}:
     * exact for Java, which promises nothing about NaN bits, but a signalling NaN then passes
     * through where wasm requires an arithmetic one (float_exprs.wast, compiled). Setting the bit on
     * the result is right whether or not the operation was folded; the branch is never taken for
     * numbers.
     */
    public static float f32Arithmetic(float r) {
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, r != r)) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(r) | 0x0040_0000);
        }
        return r;
    }

    /** {@link #f32Arithmetic} for f64 add, sub, mul and div. */
    public static double f64Arithmetic(double r) {
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, r != r)) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(r) | 0x0008_0000_0000_0000L);
        }
        return r;
    }

    public static float f32Abs(float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0x7fff_ffff);
    }

    public static float f32Neg(float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ 0x8000_0000);
    }

    public static float f32CopySign(float magnitude, float sign) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(magnitude) & 0x7fff_ffff) | (Float.floatToRawIntBits(sign) & 0x8000_0000));
    }

    /** Exact: every float is a double, and the integral result of rounding a float fits in a float again. */
    public static float f32Ceil(float x) {
        if (x != x) {
            return x + x;
        }
        return (float) Math.ceil(x);
    }

    public static float f32Floor(float x) {
        if (x != x) {
            return x + x;
        }
        return (float) Math.floor(x);
    }

    public static float f32Trunc(float x) {
        if (x != x) {
            return x + x;
        }
        return (float) f64Trunc(x);
    }

    /** Ties to even, as wasm's nearest; keeps the sign of zero (rint(-0.5) is -0.0). */
    public static float f32Nearest(float x) {
        if (x != x) {
            return x + x;
        }
        return (float) Math.rint(x);
    }

    /** A double has more than 2 * 24 + 2 significant bits, so rounding twice gives the correctly rounded float root. */
    public static float f32Sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    /** Math.min/max order -0.0 below +0.0, as wasm requires; NaN operands are handled first. */
    public static float f32Min(float a, float b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.min(a, b);
    }

    public static float f32Max(float a, float b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.max(a, b);
    }

    public static double f64Abs(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0x7fff_ffff_ffff_ffffL);
    }

    public static double f64Neg(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ 0x8000_0000_0000_0000L);
    }

    public static double f64CopySign(double magnitude, double sign) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(magnitude) & 0x7fff_ffff_ffff_ffffL) | (Double.doubleToRawLongBits(sign) & 0x8000_0000_0000_0000L));
    }

    public static double f64Ceil(double x) {
        if (x != x) {
            return x + x;
        }
        return Math.ceil(x);
    }

    public static double f64Floor(double x) {
        if (x != x) {
            return x + x;
        }
        return Math.floor(x);
    }

    /** Rounds toward zero; ceil/floor keep the sign of zero. */
    public static double f64Trunc(double x) {
        if (x != x) {
            return x + x;
        }
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    public static double f64Nearest(double x) {
        if (x != x) {
            return x + x;
        }
        return Math.rint(x);
    }

    public static double f64Min(double a, double b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.min(a, b);
    }

    public static double f64Max(double a, double b) {
        if (a != a || b != b) {
            return a + b;
        }
        return Math.max(a, b);
    }
}
