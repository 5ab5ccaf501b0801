package dev.linmem.memory;

import com.oracle.truffle.api.Assumption;

/**
 * A memory whose storage may be replaced by a larger block when it grows (wasmtime's
 * {@code Memory::Dynamic}). The storage over-allocates a growth reserve, so most grows only
 * publish a new size; a grow past the reserve moves the bytes.
 *
 * <p>For compiled code: the base is cached under {@link #storageStable()}, which only a move
 * invalidates (a bounded number of times, see {@link StableAssumption}); the size is read from
 * the memory at each access, so grows within the reserve cost compiled code nothing.
 */
public final class DynamicMemory extends LinearMemory {
    private final DynamicStorage storage;
    private Object base;
    private long baseOffset;
    private final StableAssumption storageStable = new StableAssumption("linmem dynamic memory storage not moved");
    /** False while the constructor allocates the minimum: nothing can have cached the storage yet. */
    private boolean published;

    private DynamicMemory(MemoryType type, DynamicStorage storage, MemoryLimiter limiter) {
        super(type, storage.maximumBytes(), limiter);
        if (type.isShared()) {
            throw new MemoryAllocationException("a shared memory must be static: it may never move while other threads access it");
        }
        this.storage = storage;
        refreshBase();
        allocateMinimum();
        published = true;
    }

    public static DynamicMemory onHeap(MemoryType type) {
        return create(type, DynamicStorage.heap(), MemoryLimiter.UNLIMITED);
    }

    public static DynamicMemory offHeap(MemoryType type) {
        return create(type, DynamicStorage.offHeap(), MemoryLimiter.UNLIMITED);
    }

    /** A dynamic memory over the embedder's storage, growing as the limiter allows. */
    public static DynamicMemory create(MemoryType type, DynamicStorage storage, MemoryLimiter limiter) {
        try {
            return new DynamicMemory(type, storage, limiter);
        } catch (MemoryAllocationException e) {
            storage.free();
            throw e;
        }
    }

    /** Valid while the storage has not moved; a moving grow and close invalidate it. */
    public Assumption storageStable() {
        return storageStable.get();
    }

    /** Bytes the memory can grow to without moving (size plus growth reserve). */
    public long capacityBytes() {
        return storage.capacityBytes();
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

    private void refreshBase() {
        base = storage.base();
        baseOffset = storage.baseOffset();
    }

    @Override
    boolean growStorage(long oldBytes, long newBytes) {
        if (!storage.growTo(oldBytes, newBytes, maximumBytes())) {
            return false;
        }
        if (published && (storage.base() != base || storage.baseOffset() != baseOffset)) {
            moves++;
            bytesCopiedByMoves += oldBytes;
            refreshBase();
            // Compiled code and nodes that cached the old base stop using it now, before it is
            // freed. No other thread can hold it: only the owner grows an unshared memory (shared
            // ones never move), and the owner is here.
            invalidations += storageStable.invalidate(true);
            storage.freeReplaced();
        } else if (!published) {
            refreshBase();
            storage.freeReplaced();
        }
        return true;
    }

    @Override
    void sizeChanged() {
        // nodes read a dynamic memory's size at each access: nothing cached it
    }

    @Override
    void invalidateForClose() {
        invalidations += storageStable.invalidate(false);
    }

    @Override
    void freeStorage(long finalByteSize) {
        storage.free();
        refreshBase();
    }
}
