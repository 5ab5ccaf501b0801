package dev.linmem.wasm.nodes;

/**
 * Float instructions whose Java spelling is not a single operator. Sign manipulation (abs, neg,
 * copysign) works on the bit pattern, as the spec defines it, so that NaN payloads and signs pass
 * through unchanged; Math.abs/copySign make no such promise for NaNs.
 */
public final class FloatOps {
    private FloatOps() {
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
        return (float) Math.ceil(x);
    }

    public static float f32Floor(float x) {
        return (float) Math.floor(x);
    }

    public static float f32Trunc(float x) {
        return (float) f64Trunc(x);
    }

    /** Ties to even, as wasm's nearest; keeps the sign of zero (rint(-0.5) is -0.0). */
    public static float f32Nearest(float x) {
        return (float) Math.rint(x);
    }

    /** A double has more than 2 * 24 + 2 significant bits, so rounding twice gives the correctly rounded float root. */
    public static float f32Sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    /** Math.min/max already return NaN for a NaN operand and order -0.0 below +0.0, as wasm requires. */
    public static float f32Min(float a, float b) {
        return Math.min(a, b);
    }

    public static float f32Max(float a, float b) {
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

    /** Rounds toward zero; ceil/floor keep NaN and the sign of zero. */
    public static double f64Trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    public static double f64Nearest(double x) {
        return Math.rint(x);
    }

    public static double f64Min(double a, double b) {
        return Math.min(a, b);
    }

    public static double f64Max(double a, double b) {
        return Math.max(a, b);
    }
}
