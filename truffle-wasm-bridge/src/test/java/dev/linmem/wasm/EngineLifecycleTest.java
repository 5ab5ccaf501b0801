package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;

import org.junit.jupiter.api.Test;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryPool;
import dev.linmem.wasm.module.WasmModule;

/**
 * Memories belong to the engine that allocated them: closing it frees them (pool slots come back);
 * memories the host made and registered stay the host's.
 */
class EngineLifecycleTest {
    @Test
    void aHostMemoryIsImportableAndStaysTheHosts() {
        try (MemoryPool pool = MemoryPool.offHeap(1, 4 * 65536)) {
            LinearMemory hostMemory = pool.allocate(dev.linmem.memory.MemoryType.builder().minimumPages(1).maximumPages(4).build());
            try (WasmEngine engine = WasmEngine.create()) {
                WasmModule module = engine.decode(TestModules.bytes("host-memory"), "host-memory");
                WasmInstance m = engine.instantiate(module, new Imports().memory("env", "memory", hostMemory));
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
                try (WasmEngine engine = WasmEngine.builder().allocator(pool).build()) {
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

    /** {@code (module (memory (export "m") 1))}: a memory and nothing that could hold it in compiled code. */
    private static final byte[] ONE_MEMORY = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01,
                    0x07, 0x05, 0x01, 0x01, 'm', 0x02, 0x00};

    /**
     * An engine that instantiates many modules must not keep the memories the host already closed:
     * a static heap memory keeps its whole array until it is unreachable, so a long-lived engine
     * that kept them all ran out of heap (seen in the bench: 64 MiB per instance).
     */
    @Test
    void aMemoryTheHostClosedIsNotKeptByTheEngine() {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.staticHeap()).build()) {
            WasmModule module = engine.decode(ONE_MEMORY, "one-memory");
            WeakReference<LinearMemory> closed = instantiateAndClose(engine, module);
            instantiateAndClose(engine, module); // the engine forgets closed memories as it allocates
            for (int i = 0; i < 20 && closed.get() != null; i++) {
                System.gc();
            }
            assertNull(closed.get(), "the engine still holds a memory its host closed");
        }
    }

    private static WeakReference<LinearMemory> instantiateAndClose(WasmEngine engine, WasmModule module) {
        LinearMemory memory = engine.instantiate(module).memory("m");
        assertEquals(1, memory.pages());
        memory.close();
        return new WeakReference<>(memory);
    }
}
