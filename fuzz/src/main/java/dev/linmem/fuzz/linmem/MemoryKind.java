package dev.linmem.fuzz.linmem;

import java.util.Locale;

import dev.linmem.memory.MemoryAllocator;

/** The four kinds of memory the fuzzer runs every module on (see {@link MemoryAllocator}). */
public enum MemoryKind {
    STATIC_HEAP,
    STATIC_NATIVE,
    DYNAMIC_HEAP,
    DYNAMIC_NATIVE;

    public MemoryAllocator allocator() {
        return switch (this) {
            case STATIC_HEAP -> MemoryAllocator.staticHeap();
            case STATIC_NATIVE -> MemoryAllocator.staticNative();
            case DYNAMIC_HEAP -> MemoryAllocator.dynamicHeap();
            case DYNAMIC_NATIVE -> MemoryAllocator.dynamicNative();
        };
    }

    /** Lower case with a dash, as the command line and case folders write it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
