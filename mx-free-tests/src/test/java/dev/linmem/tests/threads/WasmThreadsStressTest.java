package dev.linmem.tests.threads;

import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryPool;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmInstance;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wasm threads on one shared memory: host threads call exports of one instance at once (see
 * {@code threads/stress.wat}), in every storage a shared memory can have. Each test is bounded in
 * iterations and in time, so a lost wake-up shows as a failure, not a hung build.
 */
class WasmThreadsStressTest {
    private static final byte[] MODULE = load("/threads/stress.wasm");

    static Stream<Arguments> storages() {
        return Stream.of(
                        Arguments.of("static native", (Supplier<MemoryAllocator>) MemoryAllocator::staticNative),
                        Arguments.of("static heap", (Supplier<MemoryAllocator>) MemoryAllocator::staticHeap),
                        Arguments.of("pooled native", (Supplier<MemoryAllocator>) () -> MemoryPool.offHeap(2, 64L << 16)),
                        Arguments.of("pooled heap", (Supplier<MemoryAllocator>) () -> MemoryPool.onHeap(2, 64L << 16)));
    }

    private static byte[] load(String resource) {
        try (InputStream in = WasmThreadsStressTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test module " + resource, e);
        }
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(150, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Object one(WasmInstance instance, String export, Object... args) {
        return instance.invoke(export, args)[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void fourThreadsTimesAMillionAtomicAddsGiveTheExactSum(String storage, Supplier<MemoryAllocator> allocator) {
        assertTimeoutPreemptively(ofSeconds(170), () -> {
            try (WasmEngine engine = WasmEngine.builder().allocator(allocator.get()).build()) {
                WasmInstance instance = engine.instantiate(engine.decode(MODULE, "stress"));
                List<Callable<Object>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(() -> instance.invoke("add_many", 1_000_000));
                }
                runConcurrently(tasks);
                assertEquals(4_000_000, one(instance, "count"));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void aCmpxchgSpinLockLosesNoUpdate(String storage, Supplier<MemoryAllocator> allocator) {
        assertTimeoutPreemptively(ofSeconds(170), () -> {
            try (WasmEngine engine = WasmEngine.builder().allocator(allocator.get()).build()) {
                WasmInstance instance = engine.instantiate(engine.decode(MODULE, "stress"));
                List<Callable<Object>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(() -> instance.invoke("locked_increments", 100_000));
                }
                runConcurrently(tasks);
                assertEquals(400_000, one(instance, "counter"));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void producerAndConsumerHandOverAHundredThousandItemsWithWaitAndNotify(String storage, Supplier<MemoryAllocator> allocator) {
        assertTimeoutPreemptively(ofSeconds(170), () -> {
            int items = 100_000;
            try (WasmEngine engine = WasmEngine.builder().allocator(allocator.get()).build()) {
                WasmInstance instance = engine.instantiate(engine.decode(MODULE, "stress"));
                List<Object> results = runConcurrently(List.of(
                                () -> instance.invoke("produce", items),
                                () -> one(instance, "consume", items)));
                assertEquals((long) items * (items + 1) / 2, results.get(1), "every item once, in order");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void growingToTheMaximumWhileThreeThreadsWriteLosesNoWrite(String storage, Supplier<MemoryAllocator> allocator) {
        assertTimeoutPreemptively(ofSeconds(170), () -> {
            try (WasmEngine engine = WasmEngine.builder().allocator(allocator.get()).build()) {
                WasmInstance instance = engine.instantiate(engine.decode(MODULE, "stress"));
                List<Callable<Object>> tasks = new ArrayList<>();
                tasks.add(() -> one(instance, "grow_all"));
                for (int writer = 0; writer < 3; writer++) {
                    int w = writer;
                    tasks.add(() -> one(instance, "write_regions", w));
                }
                List<Object> results = runConcurrently(tasks);
                assertEquals(64, results.get(0), "grown to the declared maximum");
                for (int writer = 1; writer <= 3; writer++) {
                    assertTrue((Integer) results.get(writer) > 0);
                }
                for (int page = 0; page < 64; page++) {
                    assertEquals((page << 8) | (page % 3), one(instance, "region_value", page), "page " + page);
                }
            }
        });
    }
}
