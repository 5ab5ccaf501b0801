package dev.linmem.tests.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryInUseException;
import dev.linmem.memory.MemoryPool;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmInstance;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The race of issue 9: one thread runs guest code on an unshared memory while others grow it past
 * its reservation (a move), close it, or release it to its pool. Before, the moving grow unmapped
 * the block the running thread was using and the JVM died. Now an unshared memory belongs to the
 * thread inside it: a grow from another thread is refused with {@link MemoryInUseException}, and a
 * close frees the storage only after the running thread has left. Interpreted and compiled, on
 * every storage; each trial checks the memory's bytes are the guest's own.
 */
class MemoryRaceTest {
    private static final byte[] MODULE = load("/threads/race.wasm");
    private static final int TRIALS = 40;

    static Stream<Arguments> configurations() {
        Map<String, Supplier<MemoryAllocator>> storages = Map.of(
                        "dynamic native", MemoryAllocator::dynamicNative,
                        "dynamic heap", MemoryAllocator::dynamicHeap,
                        "static native", MemoryAllocator::staticNative,
                        "pooled native", () -> MemoryPool.offHeap(2, 4L << 30));
        Map<String, Map<String, String>> modes = Map.of(
                        "interpreted", Map.of("engine.Compilation", "false"),
                        "compiled", Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false"));
        return storages.entrySet().stream().flatMap(s -> modes.entrySet().stream().map(m -> Arguments.of(s.getKey(), s.getValue(), m.getKey(), m.getValue())));
    }

    private static byte[] load(String resource) {
        try (InputStream in = MemoryRaceTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test module " + resource, e);
        }
    }

    private static WasmEngine engine(MemoryAllocator allocator, Map<String, String> options) {
        return WasmEngine.builder().allocator(allocator).options(options).build();
    }

    /**
     * Runs {@code spin} in a loop on one thread until {@code stop}; returns the calls that completed.
     * While the other thread is inside the memory (its grow), the spinner is the one refused.
     */
    private static Future<Integer> spinUntil(ExecutorService threads, WasmInstance instance, AtomicBoolean stop) {
        return threads.submit(() -> {
            int calls = 0;
            while (!stop.get()) {
                try {
                    instance.invoke("spin", 2000);
                    calls++;
                } catch (MemoryInUseException growing) {
                    Thread.onSpinWait();
                } catch (WasmException closed) {
                    assertTrue(closed.getMessage().startsWith("memory is closed"), closed.getMessage());
                    return calls;
                }
            }
            return calls;
        });
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("configurations")
    void aGrowFromAnotherThreadIsRefusedOrWaitsItsTurnNeverFreesUnderTheRunningThread(String storage, Supplier<MemoryAllocator> allocator,
                    String mode, Map<String, String> options) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try (WasmEngine engine = engine(allocator.get(), options)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                WasmInstance instance = engine.instantiate(engine.decode(MODULE, "race" + trial));
                AtomicBoolean stop = new AtomicBoolean();
                Future<Integer> spinner = spinUntil(threads, instance, stop);
                int refused = 0;
                int grown = 0;
                for (int attempt = 0; attempt < 3; attempt++) {
                    try {
                        Object[] old = instance.invoke("grow", 16385);
                        grown += (Integer) old[0] >= 0 ? 1 : 0;
                    } catch (MemoryInUseException expected) {
                        assertTrue(expected.getMessage().contains("an unshared memory belongs to one thread at a time"), expected.getMessage());
                        refused++;
                    }
                }
                stop.set(true);
                int calls = spinner.get(60, TimeUnit.SECONDS);
                LinearMemory memory = instance.memory("mem");
                // every completed spin call added 2000, whatever the grows did: the bytes are the guest's own
                assertEquals(calls * 2000, memory.readInt(0), "after " + calls + " spins, " + refused + " refused and " + grown + " grows");
                assertTrue(refused + grown <= 3);
                memory.close(); // a pool has two slots: give this trial's back
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("configurations")
    void closingUnderTheRunningThreadTrapsItAndFreesAfterItLeft(String storage, Supplier<MemoryAllocator> allocator, String mode,
                    Map<String, String> options) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try (WasmEngine engine = engine(allocator.get(), options)) {
            for (int trial = 0; trial < TRIALS; trial++) {
                WasmInstance instance = engine.instantiate(engine.decode(MODULE, "close" + trial));
                AtomicBoolean stop = new AtomicBoolean();
                Future<Integer> spinner = spinUntil(threads, instance, stop);
                Thread.sleep(1);
                instance.memory("mem").close(); // any thread may close; the storage waits for the spinner
                spinner.get(60, TimeUnit.SECONDS); // it ended with the trap "memory is closed", not a crash
                try {
                    instance.invoke("spin", 1);
                    fail("a closed memory must trap");
                } catch (WasmException closed) {
                    assertTrue(closed.getMessage().startsWith("memory is closed"), closed.getMessage());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
