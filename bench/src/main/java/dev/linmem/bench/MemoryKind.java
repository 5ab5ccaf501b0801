package dev.linmem.bench;

import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryType;
import dev.linmem.memory.StaticMemory;

/** linmem's four memories: {static, dynamic} x {heap, native}, as the benchmarks name them. */
public enum MemoryKind {
    STATIC_HEAP(MemoryAllocator.staticHeap()),
    STATIC_NATIVE(MemoryAllocator.staticNative()),
    DYNAMIC_HEAP(DynamicMemory::onHeap),
    DYNAMIC_NATIVE(DynamicMemory::offHeap);

    private final MemoryAllocator allocator;

    MemoryKind(MemoryAllocator allocator) {
        this.allocator = allocator;
    }

    /** Static memories reserve the type's maximum (heap: allocate it up front). */
    public LinearMemory create(MemoryType type) {
        return allocator.allocate(type);
    }

    public MemoryAllocator allocator() {
        return allocator;
    }

    public boolean isNative() {
        return this == STATIC_NATIVE || this == DYNAMIC_NATIVE;
    }

    /** Exact static memory of a given capacity, for benchmarks that need one without a declared maximum. */
    public static StaticMemory staticWithCapacity(boolean offHeap, MemoryType type, long capacityBytes) {
        return offHeap ? StaticMemory.offHeap(type, capacityBytes) : StaticMemory.onHeap(type, capacityBytes);
    }
}
