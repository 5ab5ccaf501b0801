package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryPool;

/**
 * Memories belong to the engine that allocated them: closing it frees them (pool slots come back);
 * memories the host made and registered stay the host's.
 */
class EngineLifecycleTest {
    @Test
    void aHostMemoryIsImportableAndStaysTheHosts() {
        try (MemoryPool pool = MemoryPool.offHeap(1, 4 * 65536)) {
            LinearMemory hostMemory = pool.allocate(dev.linmem.memory.MemoryType.builder().minimumPages(1).maximumPages(4).build());
            try (WasmEngine engine = WasmEngine.create(dev.linmem.memory.MemoryAllocator.dynamicHeap())) {
                engine.registerMemory("env", "memory", hostMemory);
                WasmInstance m = TestModules.instantiate(engine, "host-memory");
                hostMemory.writeInt(8, 1234);
                assertEquals(1234, one(m, "peek", 8));
                m.invoke("poke", 16, 99);
                assertEquals(99, hostMemory.readInt(16));
                assertEquals(1, one(m, "grow", 1));
                assertEquals(2, hostMemory.pages());
            }
            assertTrue(!hostMemory.isClosed(), "the engine must not close a memory it did not allocate");
            assertEquals(99, hostMemory.readInt(16));
            hostMemory.close();
            assertEquals(1, pool.freeSlots());
        }
    }

    @Test
    void closingTheEngineReturnsPoolSlots() {
        // lib.wat defines a 2-to-4 page memory; spectest makes its memories only when imported.
        try (MemoryPool pool = MemoryPool.onHeap(2, 4 * 65536)) {
            for (int round = 0; round < 3; round++) {
                LinearMemory memory;
                try (WasmEngine engine = WasmEngine.create(pool)) {
                    WasmInstance lib = TestModules.instantiate(engine, "lib");
                    memory = lib.memory("mem");
                    assertEquals(2, memory.pages());
                    assertEquals(1, pool.freeSlots());
                    assertEquals(3, one(lib, "add", 1, 2));
                }
                assertTrue(memory.isClosed());
                assertEquals(2, pool.freeSlots(), "round " + round);
            }
        }
    }
}
