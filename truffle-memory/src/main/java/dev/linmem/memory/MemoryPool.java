package dev.linmem.memory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pooling allocator: a fixed number of slots of a fixed capacity, each handed out as a
 * {@link StaticMemory} and taken back when that memory is closed. Release zeroes only what the
 * memory touched (its high-water mark: sizes never shrink, so that is its size at close) and,
 * for native slots, gives those pages back to the system. Thread-safe: slots move through a
 * lock-free queue, and each slot has one owner at a time.
 *
 * <p>Native slots are address-space reservations made when the pool is created (cheap: nothing
 * is committed until touched). Heap slots allocate their array the first time they are used.
 */
public final class MemoryPool implements MemoryAllocator, AutoCloseable {
    private final int slotCount;
    private final long slotCapacityBytes;
    private final boolean offHeap;
    private final MemoryLimiter limiter;
    private final Slot[] slots;
    private final ConcurrentLinkedQueue<Slot> free = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private MemoryPool(int slotCount, long slotCapacityBytes, boolean offHeap, MemoryLimiter limiter) {
        if (slotCount <= 0) {
            throw new IllegalArgumentException("a pool needs at least one slot, got " + slotCount);
        }
        if (slotCapacityBytes <= 0 || slotCapacityBytes % MemoryType.DEFAULT_PAGE_SIZE != 0) {
            throw new IllegalArgumentException("slot capacity must be a positive multiple of 65536 bytes, got " + slotCapacityBytes);
        }
        if (!offHeap && slotCapacityBytes > HeapDynamicStorage.MAX_BYTES) {
            throw new IllegalArgumentException("heap slots hold at most " + HeapDynamicStorage.MAX_BYTES + " bytes, got " + slotCapacityBytes);
        }
        this.slotCount = slotCount;
        this.slotCapacityBytes = slotCapacityBytes;
        this.offHeap = offHeap;
        this.limiter = limiter == null ? MemoryLimiter.UNLIMITED : limiter;
        this.slots = new Slot[slotCount];
        for (int i = 0; i < slotCount; i++) {
            slots[i] = new Slot(i);
            free.add(slots[i]);
        }
    }

    /** A pool of {@code slots} native slots of {@code slotCapacityBytes} each. */
    public static MemoryPool offHeap(int slots, long slotCapacityBytes) {
        return new MemoryPool(slots, slotCapacityBytes, true, null);
    }

    /** A pool of {@code slots} heap slots of {@code slotCapacityBytes} each. */
    public static MemoryPool onHeap(int slots, long slotCapacityBytes) {
        return new MemoryPool(slots, slotCapacityBytes, false, null);
    }

    public static MemoryPool create(int slots, long slotCapacityBytes, boolean offHeap, MemoryLimiter limiter) {
        return new MemoryPool(slots, slotCapacityBytes, offHeap, limiter);
    }

    public int slotCount() {
        return slotCount;
    }

    public long slotCapacityBytes() {
        return slotCapacityBytes;
    }

    /** Slots free right now (a snapshot: other threads may take or return slots meanwhile). */
    public int freeSlots() {
        return free.size();
    }

    /**
     * Hands out a zeroed static memory of {@code type} in a free slot. Its runtime maximum is the
     * type's maximum or the slot's capacity, whichever is lower.
     *
     * @throws MemoryAllocationException when the type's minimum does not fit a slot, or every slot is in use
     */
    @Override
    public StaticMemory allocate(MemoryType type) {
        long minimumBytes = type.minimumBytes();
        if (minimumBytes > slotCapacityBytes) {
            throw new MemoryAllocationException("memory type " + type + " does not fit this pool's slots: its minimum is " +
                            minimumBytes + " bytes, a slot holds " + slotCapacityBytes);
        }
        if (closed) {
            throw new MemoryAllocationException("memory pool is closed");
        }
        Slot slot = free.poll();
        if (slot == null) {
            throw new MemoryAllocationException("memory pool exhausted: all " + slotCount + " slots are in use");
        }
        try {
            return new StaticMemory(type, slot.acquire(), limiter, slot);
        } catch (RuntimeException | OutOfMemoryError e) {
            slot.returnUnused();
            throw e instanceof MemoryAllocationException m ? m : new MemoryAllocationException("cannot set up a pool slot for " + type + ": " + e);
        }
    }

    /** Frees every slot's storage. Memories still handed out keep working until closed; their slots are freed then. */
    @Override
    public void close() {
        closed = true;
        Slot slot;
        while ((slot = free.poll()) != null) {
            slot.freeStorage();
        }
    }

    /** One slot; its storage outlives the memories that use it. */
    final class Slot {
        private final int index;
        private StaticStorage storage;
        private final AtomicBoolean inUse = new AtomicBoolean();

        private Slot(int index) {
            this.index = index;
        }

        private StaticStorage acquire() {
            if (!inUse.compareAndSet(false, true)) {
                throw new IllegalStateException("pool slot " + index + " handed out twice");
            }
            if (storage == null) {
                storage = offHeap ? NativeStaticStorage.reserve(slotCapacityBytes) : new HeapStaticStorage(slotCapacityBytes);
                if (storage == null) {
                    throw new MemoryAllocationException("cannot reserve " + slotCapacityBytes + " bytes of address space for pool slot " + index);
                }
            }
            return storage;
        }

        /** The memory in this slot was closed: zero what it touched and put the slot back. */
        void release(StaticStorage used, long touchedBytes) {
            used.reset(touchedBytes);
            returnUnused();
        }

        private void returnUnused() {
            inUse.set(false);
            if (closed) {
                freeStorage();
            } else {
                free.add(this);
            }
        }

        private void freeStorage() {
            if (storage != null) {
                storage.free();
                storage = null;
            }
        }
    }
}
