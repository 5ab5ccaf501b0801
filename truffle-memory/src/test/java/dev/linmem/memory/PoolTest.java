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

    /**
     * A slot reused by a smaller memory, then grown back, reads zero everywhere the previous,
     * larger memory wrote: native release keeps the protection and only drops pages, so this is
     * what proves the dropped pages really read zero.
     */
    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void reuseAtASmallerSizeThenGrowingReadsZero(boolean offHeap) {
        try (MemoryPool pool = pool(offHeap, 1, 4)) {
            StaticMemory first = pool.allocate(MemoryType.of(4, 4));
            for (long a = 0; a < first.byteSize(); a += 8) {
                first.writeLong(a, -1L);
            }
            first.close();
            StaticMemory second = pool.allocate(MemoryType.of(1, 4));
            assertEquals(1, second.pages());
            assertThrows(MemoryTrap.class, () -> second.readLong(PAGE), "past the size of the reused slot");
            assertEquals(1, second.grow(3));
            for (long a = 0; a < second.byteSize(); a += 8) {
                assertEquals(0, second.readLong(a), "byte " + a + " of a reused slot");
            }
            second.close();
        }
    }

    /**
     * A heap release zeroes in place what a memory touched when that is under half the slot, and
     * replaces the array past that; either way the next user reads zero, and the base of a
     * memory never changes while it is open.
     */
    @ParameterizedTest(name = "touchedPages={0}")
    @ValueSource(ints = {1, 3, 4, 8})
    void heapReleaseZeroesInPlaceOrReplacesTheArray(int touchedPages) {
        try (MemoryPool pool = pool(false, 1, 8)) {
            StaticMemory first = pool.allocate(MemoryType.of(touchedPages, 8));
            Object base = first.storageBase();
            for (long a = 0; a < first.byteSize(); a += 8) {
                first.writeLong(a, -1L);
            }
            assertTrue(base == first.storageBase());
            first.close();
            StaticMemory second = pool.allocate(MemoryType.of(8, 8));
            assertEquals(touchedPages < 4, base == second.storageBase(), "zeroed in place under half the slot");
            for (long a = 0; a < second.byteSize(); a += 8) {
                assertEquals(0, second.readLong(a), "byte " + a + " of a reused slot");
            }
            second.close();
        }
    }

    /**
     * A native release zeroes up to a budget of touched pages in place and drops all others:
     * with touched and untouched pages interleaved past the budget (runs of every length), the
     * next user still reads zero everywhere, over several reuses.
     */
    @org.junit.jupiter.api.Test
    void nativeReleaseZeroesKeptAndDroppedPagesAlike() {
        int slotPages = 32; // 2 MiB: 8 times the keep-resident budget
        assertTrue((long) slotPages * PAGE > 4 * NativeStaticStorage.KEEP_RESIDENT_BYTES);
        try (MemoryPool pool = pool(true, 1, slotPages)) {
            List<Long> written = new ArrayList<>();
            for (int use = 0; use < 4; use++) {
                StaticMemory memory = pool.allocate(MemoryType.of(slotPages, slotPages));
                // read only what the previous user wrote: reading a page makes it resident too
                for (long address : written) {
                    assertEquals(0, memory.readLong(address), "use " + use + ", byte " + address);
                }
                written.clear();
                // touch OS pages in a pattern that changes per use, leaving gaps of every length
                for (long page = use; page < memory.byteSize() / 4096; page += 1 + use + page % 3) {
                    long address = page * 4096 + 8 * (page % 512);
                    memory.writeLong(address, -1L);
                    written.add(address);
                }
                memory.close();
            }
            StaticMemory last = pool.allocate(MemoryType.of(slotPages, slotPages));
            for (long a = 0; a < last.byteSize(); a += 8) {
                assertEquals(0, last.readLong(a), "byte " + a);
            }
            last.close();
        }
    }

    /**
     * The second line of defence holds for reused native slots: exactly the memory's size is
     * readable and writable, as for a fresh memory, even after a larger memory used the slot
     * (read from /proc/self/maps, which lists the protection of each range).
     */
    @org.junit.jupiter.api.Test
    void reusedNativeSlotIsAccessibleExactlyUpToItsSize() throws java.io.IOException {
        try (MemoryPool pool = pool(true, 1, 8)) {
            StaticMemory first = pool.allocate(MemoryType.of(6, 8));
            long base = first.storageOffset();
            assertEquals(6L * PAGE, readWriteBytesFrom(base));
            first.writeLong(0, 1);
            first.close();
            StaticMemory second = pool.allocate(MemoryType.of(2, 8));
            assertEquals(base, second.storageOffset());
            assertEquals(2L * PAGE, readWriteBytesFrom(base));
            second.grow(5);
            assertEquals(7L * PAGE, readWriteBytesFrom(base));
            second.close();
            StaticMemory third = pool.allocate(MemoryType.of(7, 8));
            assertEquals(7L * PAGE, readWriteBytesFrom(base), "same size: the protection is already right");
            assertEquals(0, third.readLong(0));
            third.close();
        }
    }

    /** Length of the contiguous read-write mapping starting at {@code address}, from /proc/self/maps. */
    private static long readWriteBytesFrom(long address) throws java.io.IOException {
        long end = address;
        boolean extended = true;
        List<String> maps = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"));
        while (extended) {
            extended = false;
            for (String line : maps) {
                String[] fields = line.split("\\s+");
                String[] range = fields[0].split("-");
                long from = Long.parseUnsignedLong(range[0], 16);
                long to = Long.parseUnsignedLong(range[1], 16);
                if (from == end && fields[1].startsWith("rw")) {
                    end = to;
                    extended = true;
                }
            }
        }
        return end - address;
    }
}
