package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.linmem.memory.MemoryAllocator;

/** Several Java threads run one instance's functions on a shared memory: atomics add up, notify wakes a waiter. */
class SharedMemoryThreadsTest {
    @Test
    void atomicAddsFromManyThreadsAddUp() throws Exception {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.staticNative()).build()) {
            WasmInstance m = TestModules.instantiate(engine, "shared-counter");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    done.add(pool.submit(() -> m.invoke("add-many", 10_000)));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(40_000, one(m, "count"));
        }
    }

    @Test
    void notifyWakesAWaitingThread() throws Exception {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.staticNative()).build()) {
            WasmInstance m = TestModules.instantiate(engine, "shared-counter");
            assertEquals(2, one(m, "wait", 1_000_000L), "nobody notifies: times out");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Object> waiter = pool.submit(() -> one(m, "wait", -1L));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                int woken = 0;
                while (woken == 0 && System.nanoTime() < deadline) {
                    woken = (Integer) one(m, "notify");
                    Thread.sleep(1);
                }
                assertEquals(1, woken);
                assertEquals(0, waiter.get(30, TimeUnit.SECONDS), "woken by notify");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
