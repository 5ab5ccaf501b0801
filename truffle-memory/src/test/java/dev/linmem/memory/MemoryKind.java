package dev.linmem.memory;

import java.util.function.Function;

/** The memory kinds every behaviour test runs over: {static, dynamic} x {heap, native}. */
public enum MemoryKind {
    STATIC_HEAP(type -> StaticMemory.onHeap(type, capacityFor(type))),
    STATIC_NATIVE(type -> StaticMemory.offHeap(type, capacityFor(type))),
    DYNAMIC_HEAP(DynamicMemory::onHeap),
    DYNAMIC_NATIVE(DynamicMemory::offHeap);

    private final Function<MemoryType, LinearMemory> factory;

    MemoryKind(Function<MemoryType, LinearMemory> factory) {
        this.factory = factory;
    }

    public LinearMemory create(MemoryType type) {
        return factory.apply(type);
    }

    public boolean isStatic() {
        return this == STATIC_HEAP || this == STATIC_NATIVE;
    }

    /** Static test memories reserve their declared maximum, or 16 pages. */
    private static long capacityFor(MemoryType type) {
        return type.maximumPages().orElse(16) * type.pageSizeBytes();
    }
}
