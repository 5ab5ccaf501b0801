package dev.linmem.fuzz.transcript;

/**
 * Decides whether two memory images that differ are still equal under wasm's NaN rule: an
 * arithmetic NaN's sign and payload are not determined, so a stored NaN may have other bits in
 * another engine. Memory has no types, so a differing byte is excused when it lies in some 4-byte
 * window (any alignment) that holds an f32 NaN in both images, or some 8-byte window that holds an
 * f64 NaN in both. Every other differing byte is a discrepancy.
 */
public final class NanRule {
    private NanRule() {
    }

    /** The first offset at which {@code a} and {@code b} differ in a way no NaN explains, or -1. */
    public static long firstUnexplainedDifference(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Math.min(a.length, b.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && !explained(a, b, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean explained(byte[] a, byte[] b, int offset) {
        for (int start = offset - 3; start <= offset; start++) {
            if (start >= 0 && start + 4 <= a.length && isF32Nan(a, start) && isF32Nan(b, start)) {
                return true;
            }
        }
        for (int start = offset - 7; start <= offset; start++) {
            if (start >= 0 && start + 8 <= a.length && isF64Nan(a, start) && isF64Nan(b, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isF32Nan(byte[] bytes, int at) {
        int bits = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
        return Float.isNaN(Float.intBitsToFloat(bits));
    }

    private static boolean isF64Nan(byte[] bytes, int at) {
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (bytes[at + i] & 0xff);
        }
        return Double.isNaN(Double.longBitsToDouble(bits));
    }
}
