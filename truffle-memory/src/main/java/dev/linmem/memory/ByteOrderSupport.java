package dev.linmem.memory;

import java.nio.ByteOrder;

/**
 * Conversions between the machine's byte order (what {@link UnsafeAccess} reads) and wasm's
 * little-endian order. On little-endian machines every method is the identity, and the branch
 * folds away because {@link #NATIVE_IS_LITTLE} is a static final constant.
 */
public final class ByteOrderSupport {
    public static final boolean NATIVE_IS_LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private ByteOrderSupport() {
    }

    public static short littleEndian(short v) {
        return NATIVE_IS_LITTLE ? v : Short.reverseBytes(v);
    }

    public static int littleEndian(int v) {
        return NATIVE_IS_LITTLE ? v : Integer.reverseBytes(v);
    }

    public static long littleEndian(long v) {
        return NATIVE_IS_LITTLE ? v : Long.reverseBytes(v);
    }

    /** Converts between little-endian and {@code order}. */
    public static short order(short v, ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? v : Short.reverseBytes(v);
    }

    public static int order(int v, ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
    }

    public static long order(long v, ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
    }
}
