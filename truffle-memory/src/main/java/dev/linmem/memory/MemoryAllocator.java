package dev.linmem.memory;

/**
 * Creates the memories a module defines; an engine takes one, so the embedder chooses the kind
 * of memory without the engine knowing. The presets cover linmem's kinds; a {@link MemoryPool}
 * is an allocator too.
 */
@FunctionalInterface
public interface MemoryAllocator {
    /** Default reservation for a static native memory whose type declares no maximum: the whole i32 space. */
    long DEFAULT_RESERVATION_BYTES = 1L << 32;
    /** Largest reservation the presets make, even when a memory64 type declares more. */
    long MAX_RESERVATION_BYTES = 1L << 40;
    /** Capacity of a static heap memory whose type declares no maximum. */
    long DEFAULT_HEAP_CAPACITY_BYTES = 64L << 20;

    /** @throws MemoryAllocationException when the memory cannot be created */
    LinearMemory allocate(MemoryType type);

    /** Dynamic heap memories; a shared type, which must never move, becomes a {@link #staticHeap()} memory. */
    static MemoryAllocator dynamicHeap() {
        return type -> type.isShared() ? staticHeap().allocate(type) : DynamicMemory.onHeap(type);
    }

    /** Dynamic native memories; a shared type, which must never move, becomes a {@link #staticNative()} memory. */
    static MemoryAllocator dynamicNative() {
        return type -> type.isShared() ? staticNative().allocate(type) : DynamicMemory.offHeap(type);
    }

    /**
     * Static native memories reserving their declared maximum, or {@link #DEFAULT_RESERVATION_BYTES}
     * when none is declared (at least the minimum; at most {@link #MAX_RESERVATION_BYTES}).
     */
    static MemoryAllocator staticNative() {
        return type -> StaticMemory.offHeap(type, reservationFor(type, DEFAULT_RESERVATION_BYTES, MAX_RESERVATION_BYTES));
    }

    /**
     * Static heap memories with their declared maximum allocated up front, or
     * {@link #DEFAULT_HEAP_CAPACITY_BYTES} when none is declared; at most what a byte[] holds.
     */
    static MemoryAllocator staticHeap() {
        return type -> StaticMemory.onHeap(type, reservationFor(type, DEFAULT_HEAP_CAPACITY_BYTES, HeapDynamicStorage.MAX_BYTES));
    }

    private static long reservationFor(MemoryType type, long defaultBytes, long limitBytes) {
        long declared = type.maximumPages().isPresent()
                        ? MemoryType.saturatingBytes(type.maximumPages().getAsLong(), type.pageSizeBytes())
                        : defaultBytes;
        return Math.max(type.minimumBytes(), Math.min(declared, limitBytes));
    }
}
