package dev.linmem.tests.safety;

import dev.linmem.memory.DynamicStorage;
import dev.linmem.memory.UnsafeAccess;
import java.util.Arrays;

/**
 * An embedder's storage as the matrix's fifth memory kind: a byte[] exactly as large as the
 * memory, so every grow moves it. It keeps {@link DynamicStorage}'s contract and nothing more,
 * which is what the nodes must be safe with.
 */
final class ExactFitStorage extends DynamicStorage {
    private static final long MAX_BYTES = 64L << 20;
    private byte[] array = new byte[0];

    @Override
    public Object base() {
        return array;
    }

    @Override
    public long baseOffset() {
        return UnsafeAccess.BYTE_ARRAY_BASE;
    }

    @Override
    public long capacityBytes() {
        return array.length;
    }

    @Override
    public long maximumBytes() {
        return MAX_BYTES;
    }

    @Override
    public boolean isNative() {
        return false;
    }

    @Override
    protected boolean growTo(long oldByteSize, long newByteSize, long reserveLimitBytes) {
        if (newByteSize > MAX_BYTES) {
            return false;
        }
        if (newByteSize != array.length) {
            array = Arrays.copyOf(array, (int) newByteSize);
        }
        return true;
    }

    @Override
    protected void freeReplaced() {
        // replaced arrays belong to the garbage collector
    }

    @Override
    protected void free() {
        array = new byte[0];
    }
}
