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

    /** The preset; the dynamic ones give shared types a static memory (a shared memory never moves). */
    MemoryAllocator allocator() {
        return switch (strategy) {
            case DYNAMIC -> storage == Storage.HEAP ? MemoryAllocator.dynamicHeap() : MemoryAllocator.dynamicNative();
            case STATIC -> storage == Storage.HEAP ? MemoryAllocator.staticHeap() : MemoryAllocator.staticNative();
        };
    }

    @Override
    public String toString() {
        return strategy.name().toLowerCase(java.util.Locale.ROOT) + " " + storage.name().toLowerCase(java.util.Locale.ROOT);
    }
}
