package dev.linmem.wasm.host;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;

/** What the engine offers a {@link HostModule} while it makes its exports for an instantiation. */
public interface HostContext {
    /**
     * A memory made by the engine's allocator (so pooled when the engine's allocator is a pool),
     * which the engine closes when it closes.
     *
     * @throws dev.linmem.memory.MemoryAllocationException when the allocator cannot make it
     */
    LinearMemory allocateMemory(MemoryType type);
}
