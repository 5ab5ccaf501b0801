package dev.linmem.wasm.cli;

import dev.linmem.memory.MemoryAllocator;
import picocli.CommandLine.Option;

/**
 * The {@code --memory} and {@code --storage} options shared by the subcommands: how the
 * memories a module defines are created (imported memories belong to their exporter).
 */
final class MemoryChoice {

    enum Strategy { STATIC, DYNAMIC }

    enum Storage { HEAP, NATIVE }

    @Option(names = "--memory", paramLabel = "static|dynamic", defaultValue = "dynamic",
            description = "static: reserved up front, never moves; dynamic: may move on grow (default: ${DEFAULT-VALUE}); "
                    + "shared memories are always static")
    Strategy strategy = Strategy.DYNAMIC;

    @Option(names = "--storage", paramLabel = "heap|native", defaultValue = "heap",
            description = "heap: a Java byte[]; native: off-heap (default: ${DEFAULT-VALUE})")
    Storage storage = Storage.HEAP;

    MemoryAllocator allocator() {
        MemoryAllocator staticAllocator = storage == Storage.HEAP ? MemoryAllocator.staticHeap() : MemoryAllocator.staticNative();
        if (strategy == Strategy.STATIC) {
            return staticAllocator;
        }
        MemoryAllocator dynamicAllocator = storage == Storage.HEAP ? MemoryAllocator.dynamicHeap() : MemoryAllocator.dynamicNative();
        // The dynamic presets refuse shared types (a shared memory must never move), and the
        // default should still run threaded programs: their shared memories go static.
        return type -> type.isShared() ? staticAllocator.allocate(type) : dynamicAllocator.allocate(type);
    }

    @Override
    public String toString() {
        return strategy.name().toLowerCase(java.util.Locale.ROOT) + " " + storage.name().toLowerCase(java.util.Locale.ROOT);
    }
}
