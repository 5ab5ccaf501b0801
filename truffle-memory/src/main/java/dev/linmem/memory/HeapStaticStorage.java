package dev.linmem.memory;

import java.util.Arrays;

/** Static storage in a {@code byte[]} allocated whole up front, so its capacity is bounded by what an array can hold. */
final class HeapStaticStorage extends StaticStorage {
    private final byte[] array;
    private final long capacityBytes;

    /** @throws OutOfMemoryError when the heap cannot hold the capacity */
    HeapStaticStorage(long capacityBytes) {
        if (capacityBytes > HeapDynamicStorage.MAX_BYTES) {
            throw new IllegalArgumentException("heap storage holds at most " + HeapDynamicStorage.MAX_BYTES +
                            " bytes; asked for a capacity of " + capacityBytes);
        }
        this.array = new byte[(int) ((capacityBytes + 7) & ~7L)]; // slack: word-wide atomics stay inside
        this.capacityBytes = capacityBytes;
    }

    @Override
    Object base() {
        return array;
    }

    @Override
    long baseOffset() {
        return UnsafeAccess.BYTE_ARRAY_BASE;
    }

    @Override
    long capacityBytes() {
        return capacityBytes;
    }

    @Override
    boolean isNative() {
        return false;
    }

    @Override
    boolean makeAccessible(long oldByteSize, long newByteSize) {
        return newByteSize <= capacityBytes;
    }

    @Override
    void reset(long touchedBytes) {
        Arrays.fill(array, 0, (int) Math.min(touchedBytes, array.length), (byte) 0);
    }

    @Override
    void free() {
        // the garbage collector owns the array
    }
}
