package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.linmem.memory.MemoryAllocationException;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryPool;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.WasmException.Kind;

/**
 * A memory the allocator cannot provide is a RESOURCE_LIMIT, not a trap and not a call stack
 * exhaustion; where the memory is too large for heap storage but not for native storage, the
 * message says so.
 */
class ResourceLimitTest {
    private static final String HUGE = "huge-memory";

    @Test
    void aFourGibMemoryOnDynamicHeapStorageIsAResourceLimitWithAHint() {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).build()) {
            WasmException e = assertFails(Kind.RESOURCE_LIMIT, "memory cannot be allocated: ", () -> TestModules.instantiate(engine, HUGE));
            assertTrue(e.getMessage().contains("; a memory of more than 2147418112 bytes needs native storage (MemoryAllocator.dynamicNative()"), e.getMessage());
            assertTrue(e.getCause() instanceof MemoryAllocationException, "the library's refusal is the cause");
        }
    }

    @Test
    void aFourGibMemoryOnStaticHeapStorageIsAResourceLimitWithAHint() {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.staticHeap()).build()) {
            WasmException e = assertFails(Kind.RESOURCE_LIMIT, "memory cannot be allocated: ", () -> TestModules.instantiate(engine, HUGE));
            assertTrue(e.getMessage().contains("needs native storage"), e.getMessage());
        }
    }

    @Test
    void nativeStorageHoldsTheSameMemory() {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicNative()).build()) {
            WasmInstance m = TestModules.instantiate(engine, HUGE);
            assertEquals(7, one(m, "main"), "a store and load at the memory's last word");
        }
    }

    @Test
    void anExhaustedPoolIsAResourceLimitWithoutTheStorageHint() {
        try (MemoryPool pool = MemoryPool.offHeap(1, 1L << 20); WasmEngine engine = WasmEngine.builder().allocator(pool).build()) {
            var held = pool.allocate(MemoryType.of(1, 1));
            WasmException e = assertFails(Kind.RESOURCE_LIMIT, "memory cannot be allocated: memory pool exhausted",
                            () -> TestModules.instantiate(engine, "lib"));
            assertFalse(e.getMessage().contains("native storage"), e.getMessage());
            held.close();
            TestModules.instantiate(engine, "lib");
        }
    }
}
