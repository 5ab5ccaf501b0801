package dev.linmem.wasm.cli;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers every memory it hands out, so that {@code run --stats} can report the memories a
 * module defines even when the module does not export them, and so that their owner can free
 * them when done: closing an engine leaves memories to their allocator, and native storage
 * (static memories reserve up to 8 GiB of address space each) should not wait for the GC.
 */
final class RecordingAllocator implements MemoryAllocator, AutoCloseable {

    private final MemoryAllocator delegate;
    private final List<LinearMemory> allocated = new ArrayList<>();

    RecordingAllocator(MemoryAllocator delegate) {
        this.delegate = delegate;
    }

    @Override
    public LinearMemory allocate(MemoryType type) {
        LinearMemory memory = delegate.allocate(type);
        synchronized (allocated) {
            allocated.add(memory);
        }
        return memory;
    }

    /** Closes every memory allocated so far (after the engine that used them is closed). */
    @Override
    public void close() {
        for (LinearMemory memory : allocated()) {
            memory.close();
        }
    }

    /** The memories allocated so far, in allocation order (a module's memory index order). */
    List<LinearMemory> allocated() {
        synchronized (allocated) {
            return List.copyOf(allocated);
        }
    }
}
