package dev.linmem.memory;

/**
 * Storage under a {@link StaticMemory}: {@code capacityBytes} reserved up front at a base that
 * never changes. Growing within the capacity only makes more of it accessible (wasmtime's
 * {@code make_accessible}); the memory publishes the new size afterwards.
 */
abstract sealed class StaticStorage permits HeapStaticStorage, NativeStaticStorage {
    /** The array, or null for native storage. */
    abstract Object base();

    /** The Unsafe offset of byte 0 within {@link #base()}. */
    abstract long baseOffset();

    abstract long capacityBytes();

    abstract boolean isNative();

    /** Makes {@code [0, newByteSize)} accessible; the bytes past {@code oldByteSize} already read as zero. */
    abstract boolean makeAccessible(long oldByteSize, long newByteSize);

    /** Zeroes {@code [0, touchedBytes)} and closes it again, so that the storage can serve a new memory (pool reuse). */
    abstract void reset(long touchedBytes);

    /** Frees the storage; called at most once, and never for pool slots (the pool owns them). */
    abstract void free();
}
