package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    private static MemoryPool pool(boolean offHeap, int slots, int slotPages) {
        return offHeap ? MemoryPool.offHeap(slots, (long) slotPages * PAGE) : MemoryPool.onHeap(slots, (long) slotPages * PAGE);
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void reuseHandsOutZeroedMemory(boolean offHeap) {
        try (MemoryPool pool = pool(offHeap, 1, 4)) {
            StaticMemory first = pool.allocate(MemoryType.of(1, 4));
            first.grow(2);
            for (long a = 0; a < first.byteSize(); a += 4096) {
                first.writeLong(a, 0x0123_4567_89AB_CDEFL);
            }
            first.close();
            StaticMemory second = pool.allocate(MemoryType.of(4, 4));
            for (long a = 0; a < second.byteSize(); a += 8) {
                assertEquals(0, second.readLong(a), "byte " + a + " of a reused slot");
            }
            second.close();
            assertEquals(1, pool.freeSlots());
        }
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void refusesClearlyWhenEmptyOrWhenATypeDoesNotFit(boolean offHeap) {
        try (MemoryPool pool = pool(offHeap, 2, 4)) {
            var tooBig = assertThrows(MemoryAllocationException.class, () -> pool.allocate(MemoryType.of(5, 5)));
            assertTrue(tooBig.getMessage().contains("does not fit this pool's slots"), tooBig.getMessage());
            StaticMemory a = pool.allocate(MemoryType.of(1, -1));
            StaticMemory b = pool.allocate(MemoryType.of(1, 2));
            assertEquals(OptionalLong.of(4), a.maximumPages(), "the slot lowers the runtime maximum");
            assertEquals(-1, a.grow(4));
            var empty = assertThrows(MemoryAllocationException.class, () -> pool.allocate(MemoryType.of(1, 1)));
            assertTrue(empty.getMessage().contains("memory pool exhausted: all 2 slots are in use"), empty.getMessage());
            a.close();
            a.close(); // closing twice returns the slot once
            assertEquals(1, pool.freeSlots());
            b.close();
            assertEquals(2, pool.freeSlots());
        }
    }

    /**
     * 8 threads allocate and release concurrently; each writes its own mark into every memory it
     * holds and checks it is still there before releasing, so a slot handed to two owners at once
     * would show. At the end every slot is free again.
     */
    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void eightThreadsLoseNoSlot(boolean offHeap) throws Exception {
        int slots = 4;
        try (MemoryPool pool = pool(offHeap, slots, 2)) {
            ExecutorService executor = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long mark = 0x1111_0000L + t;
                results.add(executor.submit(() -> {
                    int held = 0;
                    for (int i = 0; i < 2_000; i++) {
                        StaticMemory memory;
                        try {
                            memory = pool.allocate(MemoryType.of(1, 2));
                        } catch (MemoryAllocationException exhausted) {
                            Thread.onSpinWait();
                            continue;
                        }
                        held++;
                        assertEquals(0, memory.readLong(0), "a reused slot must be zeroed");
                        memory.writeLong(0, mark);
                        memory.writeLong(PAGE - 8, mark);
                        Thread.yield();
                        assertEquals(mark, memory.readLong(0));
                        assertEquals(mark, memory.readLong(PAGE - 8));
                        memory.close();
                    }
                    return held;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            executor.shutdown();
            assertTrue(total > 0);
            assertEquals(slots, pool.freeSlots());
        }
    }
}
