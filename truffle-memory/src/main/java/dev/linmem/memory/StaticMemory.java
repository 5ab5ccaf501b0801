package dev.linmem.memory;

import com.oracle.truffle.api.Assumption;

/**
 * A memory whose storage is reserved whole up front and never moves (wasmtime's
 * {@code Memory::Static}). Grow within the capacity makes more of the reservation accessible and
 * publishes the new size; growth past the capacity fails. Pool slots and shared memories are
 * static.
 *
 * <p>For compiled code: the base is final, so a node that caches this memory holds it as a
 * constant; the size is cached under {@link #sizeStable()}, which every grow invalidates (a
 * bounded number of times, see {@link StableAssumption}).
 */
public final class StaticMemory extends LinearMemory {
    private final StaticStorage storage;
    private final Object base;
    private final long baseOffset;
    private final StableAssumption sizeStable = new StableAssumption("linmem static memory size unchanged");
    /** Set when a pool owns the storage; close() returns the slot instead of freeing it. */
    private final MemoryPool.Slot poolSlot;

    StaticMemory(MemoryType type, StaticStorage storage, MemoryLimiter limiter, MemoryPool.Slot poolSlot) {
        super(type, storage.capacityBytes(), limiter);
        this.storage = storage;
        this.base = storage.base();
        this.baseOffset = storage.baseOffset();
        this.poolSlot = poolSlot;
        if (type.isShared() && !storage.isNative() && UnsafeAccess.BYTE_ARRAY_BASE % 8 != 0) {
            throw new MemoryAllocationException("a shared heap memory needs 8-byte aligned array data for its atomics, and this JVM's " +
                            "byte[] data starts at offset " + UnsafeAccess.BYTE_ARRAY_BASE + " (compact object headers?); use native storage");
        }
        allocateMinimum();
    }

    /** A static memory with heap storage of {@code capacityBytes} allocated now. */
    public static StaticMemory onHeap(MemoryType type, long capacityBytes) {
        return onHeap(type, capacityBytes, MemoryLimiter.UNLIMITED);
    }

    public static StaticMemory onHeap(MemoryType type, long capacityBytes, MemoryLimiter limiter) {
        HeapStaticStorage storage;
        try {
            storage = new HeapStaticStorage(capacityBytes);
        } catch (OutOfMemoryError | IllegalArgumentException e) {
            throw new MemoryAllocationException("cannot allocate " + capacityBytes + " bytes of heap storage for " + type + ": " + e.getMessage());
        }
        return new StaticMemory(type, storage, limiter, null);
    }

    /** A static memory in a native reservation of {@code capacityBytes} of address space. */
    public static StaticMemory offHeap(MemoryType type, long capacityBytes) {
        return offHeap(type, capacityBytes, MemoryLimiter.UNLIMITED);
    }

    public static StaticMemory offHeap(MemoryType type, long capacityBytes, MemoryLimiter limiter) {
        if (capacityBytes < 0) {
            throw new MemoryAllocationException("capacity must not be negative, got " + capacityBytes);
        }
        NativeStaticStorage storage = NativeStaticStorage.reserve(capacityBytes);
        if (storage == null) {
            throw new MemoryAllocationException("cannot reserve " + capacityBytes + " bytes of address space for " + type);
        }
        try {
            return new StaticMemory(type, storage, limiter, null);
        } catch (MemoryAllocationException e) {
            storage.free();
            throw e;
        }
    }

    /** Bytes reserved up front; the memory never grows past them. */
    public long capacityBytes() {
        return storage.capacityBytes();
    }

    /** Valid while the size is unchanged; grow and close invalidate it. */
    public Assumption sizeStable() {
        return sizeStable.get();
    }

    @Override
    public boolean isNative() {
        return storage.isNative();
    }

    @Override
    public Object storageBase() {
        return base;
    }

    @Override
    public long storageOffset() {
        return baseOffset;
    }

    @Override
    boolean growStorage(long oldBytes, long newBytes) {
        return storage.makeAccessible(oldBytes, newBytes);
    }

    @Override
    void sizeChanged() {
        invalidations += sizeStable.invalidate(true);
    }

    @Override
    void invalidateForClose() {
        invalidations += sizeStable.invalidate(false);
    }

    @Override
    void freeStorage(long finalByteSize) {
        if (poolSlot != null) {
            poolSlot.release(storage, finalByteSize);
        } else {
            storage.free();
        }
    }
}
