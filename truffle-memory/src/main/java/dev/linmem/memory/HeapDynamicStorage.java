package dev.linmem.memory;

import java.util.Arrays;

/** Dynamic storage in a {@code byte[]}. Growing copies into a new array; the old one is left to the GC. */
final class HeapDynamicStorage extends DynamicStorage {
    /** The largest byte[] HotSpot allocates, rounded down to a 64 KiB wasm page: 32,767 pages. */
    static final long MAX_BYTES = (Integer.MAX_VALUE - 8) & -MemoryType.DEFAULT_PAGE_SIZE;

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
        if (newByteSize <= array.length) {
            return true; // bytes beyond the old size were never written: the array is zero there
        }
        // multiples of 8: the slack keeps word-wide atomics on 1-byte pages inside the array
        long reserve = roundUpTo8(reserveFor(array.length, newByteSize, Math.min(reserveLimitBytes, MAX_BYTES)));
        try {
            array = Arrays.copyOf(array, (int) reserve);
        } catch (OutOfMemoryError tooBig) {
            try {
                array = Arrays.copyOf(array, (int) roundUpTo8(newByteSize)); // no reserve, just what was asked
            } catch (OutOfMemoryError stillTooBig) {
                return false;
            }
        }
        return true;
    }

    private static long roundUpTo8(long bytes) {
        return (bytes + 7) & ~7L;
    }

    @Override
    protected void freeReplaced() {
        // the garbage collector owns replaced arrays
    }

    @Override
    protected void free() {
        array = new byte[0];
    }
}
