package dev.linmem.memory;

/**
 * Storage under a {@link DynamicMemory}: a block of bytes that may be replaced by a larger one
 * when the memory grows (wasmtime's {@code RuntimeLinearMemory}). linmem ships
 * {@link #heap()} and {@link #offHeap()}; an embedder may supply its own policy (how much to
 * reserve, where to allocate) by subclassing.
 *
 * <p>A block is addressed as {@code (base, baseOffset)} for {@link UnsafeAccess}: a
 * {@code byte[]} and {@link UnsafeAccess#BYTE_ARRAY_BASE}, or {@code null} and a native
 * address. The contract an implementation must keep, because compiled code relies on it:
 * <ul>
 * <li>{@code [baseOffset, baseOffset + size)} of {@code base} is readable and writable, for
 * the size of the last successful {@link #growTo}, until the next {@link #growTo} that moves, or
 * {@link #free}; {@code capacityBytes()} says how far the size can grow without moving (the
 * bytes between may stay inaccessible until then, as native reservations do).</li>
 * <li>{@link #growTo} keeps the first {@code oldByteSize} bytes, makes the bytes up to
 * {@code newByteSize} read as zero, and either succeeds whole or changes nothing.</li>
 * <li>After a move, the old block is no longer accessed by linmem: the memory invalidates the
 * assumption under which compiled code cached the old base before it calls {@code growTo}'s
 * cleanup ({@link #freeReplaced}).</li>
 * </ul>
 */
public abstract class DynamicStorage {
    protected DynamicStorage() {
    }

    /** Storage in a Java {@code byte[]}; at most {@link HeapDynamicStorage#MAX_BYTES} bytes. */
    public static DynamicStorage heap() {
        return new HeapDynamicStorage();
    }

    /** Storage in anonymous mmap'd memory, freed by {@link LinearMemory#close()} or, failing that, by a Cleaner. */
    public static DynamicStorage offHeap() {
        return new NativeDynamicStorage();
    }

    /** The array, or {@code null} for native storage. */
    public abstract Object base();

    /** The Unsafe offset of byte 0 within {@link #base()}. */
    public abstract long baseOffset();

    /** Bytes the storage can grow to at the current base without moving. */
    public abstract long capacityBytes();

    /** The most bytes this storage could ever hold; bounds the memory's runtime maximum. */
    public abstract long maximumBytes();

    /** Whether the bytes live off the Java heap. */
    public abstract boolean isNative();

    /**
     * Makes {@code newByteSize} bytes accessible, keeping the first {@code oldByteSize} and zeroing
     * the rest; may move to a larger block (over-allocating toward {@code reserveLimitBytes} so that
     * repeated small grows do not copy every time).
     *
     * @return false, with nothing changed, when the storage cannot be had
     */
    protected abstract boolean growTo(long oldByteSize, long newByteSize, long reserveLimitBytes);

    /** Frees a block that {@link #growTo} replaced; called after compiled code stopped using it. */
    protected abstract void freeReplaced();

    /** Frees the storage. Called at most once. */
    protected abstract void free();

    /**
     * The capacity to reserve when growing to {@code newByteSize}: double the current capacity,
     * so that growing one page at a time from 1 to n pages moves O(log n) times, capped by the
     * limit, and never less than what was asked for.
     */
    protected static long reserveFor(long currentCapacity, long newByteSize, long reserveLimitBytes) {
        long doubled = currentCapacity > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : currentCapacity * 2;
        return Math.max(newByteSize, Math.min(doubled, reserveLimitBytes));
    }
}
