package dev.linmem.bench.kernels;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.module.WasmModule;

/** linmem through its embedding API, with the memories of one allocator (kind and storage). */
final class LinmemRuntime implements WasmRuntime {
    private final WasmEngine engine;
    private final WasmModule module;

    LinmemRuntime(MemoryAllocator allocator, byte[] wasm, String name) {
        engine = WasmEngine.builder().allocator(allocator).build();
        module = engine.decode(wasm, name);
    }

    @Override
    public Instance instantiate() {
        WasmInstance instance = engine.instantiate(module);
        return new Instance() {
            @Override
            public long call(String export, int argument) {
                return ((Number) instance.invoke(export, argument)[0]).longValue();
            }

            /** The engine leaves memories to their allocator: free this instance's now, not at GC. */
            @Override
            public void close() {
                LinearMemory memory = instance.memory("memory");
                if (memory != null) {
                    memory.close();
                }
            }
        };
    }

    @Override
    public void close() {
        engine.close();
    }
}
