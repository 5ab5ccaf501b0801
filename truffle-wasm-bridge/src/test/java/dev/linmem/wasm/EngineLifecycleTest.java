package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryPool;

/** Memories belong to the engine that allocated them: closing it frees them (pool slots come back). */
class EngineLifecycleTest {
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
