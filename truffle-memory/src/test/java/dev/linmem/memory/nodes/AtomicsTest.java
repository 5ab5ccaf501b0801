package dev.linmem.memory.nodes;

import static dev.linmem.memory.nodes.Adopt.adopt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryPool;
import dev.linmem.memory.MemoryTrap;
import dev.linmem.memory.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every atomic operation and width, on shared memories of every storage (and unshared ones, where allowed). */
class AtomicsTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;
    static final MemoryType SHARED = MemoryType.builder().minimumPages(1).maximumPages(4).shared(true).build();

    /** Named memory sources: shared static heap and native, shared from a pool, and unshared. */
    static Stream<Arguments> memories() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("shared static heap", (Supplier<LinearMemory>) () -> MemoryAllocator.staticHeap().allocate(SHARED)));
        all.add(Arguments.of("shared static native", (Supplier<LinearMemory>) () -> MemoryAllocator.staticNative().allocate(SHARED)));
        all.add(Arguments.of("shared pooled native", (Supplier<LinearMemory>) () -> MemoryPool.offHeap(1, 4L * PAGE).allocate(SHARED)));
        all.add(Arguments.of("unshared dynamic heap", (Supplier<LinearMemory>) () -> MemoryAllocator.dynamicHeap().allocate(MemoryType.of(1, 4))));
        all.add(Arguments.of("unshared dynamic native", (Supplier<LinearMemory>) () -> MemoryAllocator.dynamicNative().allocate(MemoryType.of(1, 4))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memories")
    void everyRmwOperationAndWidthReturnsTheOldValueZeroExtended(String name, Supplier<LinearMemory> source) {
        try (LinearMemory memory = source.get()) {
            for (int width : new int[]{1, 2, 4, 8}) {
                long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
                for (AtomicOp op : AtomicOp.values()) {
                    long address = 64 + width; // aligned for every width
                    long initial = 0xF1E2_D3C4_B5A6_9788L;
                    memory.writeLong(64, 0x1111_1111_1111_1111L);
                    memory.writeLong(72, 0x2222_2222_2222_2222L);
                    adopt(AtomicStoreNode.create(width, 0)).execute(memory, address, initial);
                    long operand = 0x0F0F_0F0F_0F0F_0F0FL;
                    long old = adopt(AtomicRmwNode.create(op, width, 0)).execute(memory, address, operand);
                    assertEquals(initial & mask, old, op + " width " + width);
                    long expectedNew = op.apply(initial & mask, operand) & mask;
                    assertEquals(expectedNew, adopt(AtomicLoadNode.create(width, 0)).execute(memory, address), op + " width " + width);
                    // neighbouring bytes are untouched by the sub-word CAS loop
                    if (width < 8) {
                        byte before = memory.readByte(address - 1);
                        byte after = memory.readByte(address + width);
                        assertEquals(address - 1 < 72 ? (byte) 0x11 : (byte) 0x22, before);
                        assertEquals(address + width < 72 ? (byte) 0x11 : (byte) 0x22, after);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memories")
    void cmpxchgComparesTheWrappedExpectedValue(String name, Supplier<LinearMemory> source) {
        try (LinearMemory memory = source.get()) {
            for (int width : new int[]{1, 2, 4, 8}) {
                long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
                AtomicCmpxchgNode cmpxchg = adopt(AtomicCmpxchgNode.create(width, 0));
                adopt(AtomicStoreNode.create(width, 0)).execute(memory, 8, 0x80);
                // expected with high garbage bits above the width still matches
                assertEquals(0x80L, cmpxchg.execute(memory, 8, 0x80 | (width == 8 ? 0 : ~mask), 0x7F));
                assertEquals(0x7FL, memory.readLong(8) & mask);
                assertEquals(0x7FL, cmpxchg.execute(memory, 8, 0x80, 0x55), "no match: no store");
                assertEquals(0x7FL, memory.readLong(8) & mask);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memories")
    void unalignedTrapsBeforeTheBoundsCheck(String name, Supplier<LinearMemory> source) {
        try (LinearMemory memory = source.get()) {
            for (int width : new int[]{2, 4, 8}) {
                MemoryTrap unaligned = assertThrows(MemoryTrap.class, () -> adopt(AtomicLoadNode.create(width, 0)).execute(memory, 1));
                assertTrue(unaligned.getMessage().startsWith("unaligned atomic"), unaligned.getMessage());
                // unaligned and out of bounds at once: alignment decides
                MemoryTrap both = assertThrows(MemoryTrap.class, () -> adopt(AtomicRmwNode.create(AtomicOp.ADD, width, 1)).execute(memory, PAGE * 8L, 1));
                assertEquals(MemoryTrap.Kind.UNALIGNED_ATOMIC, both.kind());
                MemoryTrap oob = assertThrows(MemoryTrap.class, () -> adopt(AtomicStoreNode.create(width, 0)).execute(memory, memory.byteSize(), 1));
                assertEquals(MemoryTrap.Kind.OUT_OF_BOUNDS, oob.kind());
            }
            assertEquals(MemoryTrap.Kind.UNALIGNED_ATOMIC,
                            assertThrows(MemoryTrap.class, () -> adopt(AtomicNotifyNode.create(0)).execute(memory, 2, 1)).kind());
            assertEquals(MemoryTrap.Kind.UNALIGNED_ATOMIC,
                            assertThrows(MemoryTrap.class, () -> adopt(AtomicWaitNode.create(8, 0)).execute(memory, 4, 0, 0)).kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memories")
    void waitAndNotifyFollowTheSharedFlag(String name, Supplier<LinearMemory> source) {
        try (LinearMemory memory = source.get()) {
            AtomicWaitNode wait32 = adopt(AtomicWaitNode.create(4, 0));
            AtomicWaitNode wait64 = adopt(AtomicWaitNode.create(8, 0));
            AtomicNotifyNode notify = adopt(AtomicNotifyNode.create(0));
            memory.writeLong(0, 0xFFFF_FFFF_FFFFL);
            assertEquals(0, notify.execute(memory, 0, 10), "nobody waits");
            if (memory.isShared()) {
                assertEquals(1, wait32.execute(memory, 0, 0, 0), "not equal");
                assertEquals(1, wait64.execute(memory, 0, 0, 0), "not equal");
                assertEquals(2, wait32.execute(memory, 0, -1, 1_000_000), "equal: times out after 1 ms");
                assertEquals(2, wait64.execute(memory, 0, 0xFFFF_FFFF_FFFFL, 0), "equal: zero timeout");
            } else {
                MemoryTrap trap = assertThrows(MemoryTrap.class, () -> wait32.execute(memory, 0, 0, 0));
                assertTrue(trap.getMessage().startsWith("expected shared memory"), trap.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memories")
    void notifyWakesAWaiter(String name, Supplier<LinearMemory> source) throws Exception {
        try (LinearMemory memory = source.get()) {
            if (!memory.isShared()) {
                return;
            }
            AtomicNotifyNode notify = adopt(AtomicNotifyNode.create(0));
            int[] result = {-1};
            Thread waiter = new Thread(() -> result[0] = adopt(AtomicWaitNode.create(4, 0)).execute(memory, 16, 0, 10_000_000_000L));
            waiter.start();
            int woken = 0;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (woken == 0 && System.nanoTime() < deadline) {
                woken = notify.execute(memory, 16, 1);
                Thread.sleep(1);
            }
            waiter.join(10_000);
            assertEquals(1, woken);
            assertEquals(0, result[0], "woken, not timed out");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("memories")
    void sharedGrowIsAtomicAcrossThreads(String name, Supplier<LinearMemory> source) throws Exception {
        try (LinearMemory memory = source.get()) {
            List<Thread> threads = new ArrayList<>();
            long[] olds = new long[3];
            for (int t = 0; t < 3; t++) {
                int index = t;
                threads.add(new Thread(() -> {
                    try {
                        olds[index] = memory.grow(1);
                    } catch (dev.linmem.memory.MemoryInUseException refused) {
                        olds[index] = -2; // an unshared memory admits one thread at a time
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            List<Long> grown = java.util.Arrays.stream(olds).filter(old -> old != -2).sorted().boxed().toList();
            if (memory.isShared()) {
                assertEquals(3, grown.size(), "a shared memory admits every thread");
            }
            assertEquals(1 + grown.size(), memory.pages(), "1 + one page per grow that was let in");
            assertEquals(java.util.stream.LongStream.rangeClosed(1, grown.size()).boxed().toList(), grown, "each grow saw a distinct old size");
        }
    }

}
