package dev.linmem.memory.nodes;

import static dev.linmem.memory.nodes.Adopt.adopt;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads racing on one shared memory through the atomic nodes, each test bounded in iterations
 * and time: exact sums, a spin lock without lost updates, a wait/notify hand-over, and grow under
 * concurrent writers.
 */
class AtomicsStressTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    private static LinearMemory shared(boolean offHeap, int maximumPages) {
        MemoryType type = MemoryType.builder().minimumPages(1).maximumPages(maximumPages).shared(true).build();
        return (offHeap ? MemoryAllocator.staticNative() : MemoryAllocator.staticHeap()).allocate(type);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = executor.invokeAll(tasks, 120, TimeUnit.SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void fourThreadsAddingAMillionTimesEachEndWithTheExactSum(boolean offHeap) {
        assertTimeoutPreemptively(ofSeconds(120), () -> {
            try (LinearMemory memory = shared(offHeap, 1)) {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(() -> {
                        AtomicRmwNode add = adopt(AtomicRmwNode.create(AtomicOp.ADD, 4, 0));
                        for (int i = 0; i < 1_000_000; i++) {
                            add.execute(memory, 128, 1);
                        }
                        return null;
                    });
                }
                runAll(tasks);
                assertEquals(4_000_000, memory.readInt(128));
            }
        });
    }

    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void aCmpxchgSpinLockGuardsAPlainCounter(boolean offHeap) {
        assertTimeoutPreemptively(ofSeconds(120), () -> {
            try (LinearMemory memory = shared(offHeap, 1)) {
                long lock = 0;
                long counter = 8;
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(() -> {
                        AtomicCmpxchgNode cmpxchg = adopt(AtomicCmpxchgNode.create(4, 0));
                        AtomicStoreNode release = adopt(AtomicStoreNode.create(4, 0));
                        MemoryLoadNode load = adopt(MemoryLoadNode.create(4, false, 0));
                        MemoryStoreNode store = adopt(MemoryStoreNode.create(4, 0));
                        for (int i = 0; i < 100_000; i++) {
                            while (cmpxchg.execute(memory, lock, 0, 1) != 0) {
                                Thread.onSpinWait();
                            }
                            store.execute(memory, counter, load.execute(memory, counter) + 1); // not atomic: the lock makes it safe
                            release.execute(memory, lock, 0);
                        }
                        return null;
                    });
                }
                runAll(tasks);
                assertEquals(400_000, memory.readInt(counter));
            }
        });
    }

    /**
     * A one-slot mailbox: the producer waits while the slot is full, the consumer while it is
     * empty; each notifies the other. 100,000 items, none lost, none duplicated, no deadlock
     * (waits carry a timeout and re-check, so a bug shows as a failed sum or the time bound).
     */
    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void producerAndConsumerHandOverAHundredThousandItems(boolean offHeap) {
        assertTimeoutPreemptively(ofSeconds(120), () -> {
            try (LinearMemory memory = shared(offHeap, 1)) {
                long full = 0; // 0 empty, 1 full
                long slot = 8;
                int items = 100_000;
                Callable<Long> producer = () -> {
                    AtomicLoadNode loadFlag = adopt(AtomicLoadNode.create(4, 0));
                    AtomicStoreNode storeFlag = adopt(AtomicStoreNode.create(4, 0));
                    AtomicStoreNode storeItem = adopt(AtomicStoreNode.create(8, 0));
                    AtomicWaitNode wait = adopt(AtomicWaitNode.create(4, 0));
                    AtomicNotifyNode notify = adopt(AtomicNotifyNode.create(0));
                    for (long item = 1; item <= items; item++) {
                        while (loadFlag.execute(memory, full) == 1) {
                            wait.execute(memory, full, 1, 100_000_000L);
                        }
                        storeItem.execute(memory, slot, item);
                        storeFlag.execute(memory, full, 1);
                        notify.execute(memory, full, 1);
                    }
                    return 0L;
                };
                Callable<Long> consumer = () -> {
                    AtomicLoadNode loadFlag = adopt(AtomicLoadNode.create(4, 0));
                    AtomicStoreNode storeFlag = adopt(AtomicStoreNode.create(4, 0));
                    AtomicLoadNode loadItem = adopt(AtomicLoadNode.create(8, 0));
                    AtomicWaitNode wait = adopt(AtomicWaitNode.create(4, 0));
                    AtomicNotifyNode notify = adopt(AtomicNotifyNode.create(0));
                    long sum = 0;
                    long previous = 0;
                    for (int i = 0; i < items; i++) {
                        while (loadFlag.execute(memory, full) == 0) {
                            wait.execute(memory, full, 0, 100_000_000L);
                        }
                        long item = loadItem.execute(memory, slot);
                        assertEquals(previous + 1, item, "items arrive once each, in order");
                        previous = item;
                        sum += item;
                        storeFlag.execute(memory, full, 0);
                        notify.execute(memory, full, 1);
                    }
                    return sum;
                };
                List<Long> results = runAll(List.of(producer, consumer));
                assertEquals((long) items * (items + 1) / 2, results.get(1));
            }
        });
    }

    /**
     * One thread grows a shared memory page by page to its maximum while three others write and
     * read back their own regions of whatever is already there: no lost write, no fault.
     */
    @ParameterizedTest(name = "offHeap={0}")
    @ValueSource(booleans = {false, true})
    void growingWhileThreeThreadsWriteLosesNothing(boolean offHeap) {
        assertTimeoutPreemptively(ofSeconds(120), () -> {
            int maximumPages = 512;
            try (LinearMemory memory = shared(offHeap, maximumPages)) {
                Callable<Long> grower = () -> {
                    while (memory.grow(1) != -1) {
                        Thread.yield();
                    }
                    return memory.pages();
                };
                List<Callable<Long>> tasks = new ArrayList<>(List.of(grower));
                for (int t = 0; t < 3; t++) {
                    int writer = t;
                    tasks.add(() -> {
                        MemoryStoreNode store = adopt(MemoryStoreNode.create(8, 0));
                        MemoryLoadNode load = adopt(MemoryLoadNode.create(8, false, 0));
                        long writes = 0;
                        while (true) {
                            long pages = memory.pages();
                            for (long page = writer; page < pages; page += 3) {
                                long address = page * PAGE + 8 * (page % 64);
                                long value = (page << 8) | writer;
                                store.execute(memory, address, value);
                                assertEquals(value, load.execute(memory, address));
                                writes++;
                            }
                            if (pages == maximumPages) {
                                return writes;
                            }
                        }
                    });
                }
                List<Long> results = runAll(tasks);
                assertEquals(maximumPages, results.get(0));
                for (long page = 0; page < maximumPages; page++) {
                    assertEquals((page << 8) | (page % 3), memory.readLong(page * PAGE + 8 * (page % 64)), "page " + page);
                }
            }
        });
    }
}
