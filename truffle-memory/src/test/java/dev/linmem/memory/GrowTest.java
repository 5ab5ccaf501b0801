package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.memory.MemoryLimiter.GrowFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Grow: old size or -1, nothing half done, the limiter asked and told. */
class GrowTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    /** Records what the limiter is asked and told; vetoes grows to more than {@code vetoAboveBytes}. */
    static final class RecordingLimiter implements MemoryLimiter {
        final List<String> events = new ArrayList<>();
        long vetoAboveBytes = Long.MAX_VALUE;

        @Override
        public boolean memoryGrowing(LinearMemory memory, long currentBytes, long desiredBytes, long maximumBytes) {
            events.add("growing " + currentBytes + "->" + desiredBytes);
            return desiredBytes <= vetoAboveBytes;
        }

        @Override
        public void memoryGrowFailed(LinearMemory memory, long desiredPages, GrowFailure reason) {
            events.add("failed +" + desiredPages + " " + reason);
        }
    }

    private static LinearMemory create(MemoryKind kind, MemoryType type, MemoryLimiter limiter) {
        long capacity = type.maximumPages().orElse(16) * PAGE;
        return switch (kind) {
            case STATIC_HEAP -> StaticMemory.onHeap(type, capacity, limiter);
            case STATIC_NATIVE -> StaticMemory.offHeap(type, capacity, limiter);
            case DYNAMIC_HEAP -> DynamicMemory.create(type, DynamicStorage.heap(), limiter);
            case DYNAMIC_NATIVE -> DynamicMemory.create(type, DynamicStorage.offHeap(), limiter);
        };
    }

    private static byte[] snapshot(LinearMemory memory) {
        byte[] all = new byte[(int) memory.byteSize()];
        memory.read(0, all, 0, all.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void returnsOldSizeAndZeroesNewPages(MemoryKind kind) {
        try (LinearMemory memory = kind.create(MemoryType.of(1, 5))) {
            memory.writeLong(PAGE - 8, -1L);
            assertEquals(1, memory.grow(2));
            assertEquals(3, memory.pages());
            assertEquals(3L * PAGE, memory.byteSize());
            assertEquals(-1L, memory.readLong(PAGE - 8));
            for (long a = PAGE; a < 3L * PAGE; a += 8) {
                assertEquals(0, memory.readLong(a));
            }
            assertEquals(3, memory.grow(0));
            assertEquals(1, memory.statistics().grows());
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void failsPastTheMaximumChangingNothing(MemoryKind kind) {
        RecordingLimiter limiter = new RecordingLimiter();
        try (LinearMemory memory = create(kind, MemoryType.of(1, 2), limiter)) {
            memory.writeInt(0, 42);
            byte[] before = snapshot(memory);
            assertEquals(-1, memory.grow(2));
            assertEquals(-1, memory.grow(-1L)); // 2^64 - 1 pages, read unsigned
            assertEquals(-1, memory.grow(Long.MIN_VALUE));
            assertEquals(1, memory.pages());
            assertArrayEquals(before, snapshot(memory));
            assertEquals(List.of("failed +2 PAST_MAXIMUM", "failed +" + -1L + " PAST_MAXIMUM", "failed +" + Long.MIN_VALUE + " PAST_MAXIMUM"),
                            limiter.events);
            assertEquals(3, memory.statistics().failedGrows());
            assertEquals(OptionalLong.of(2), memory.maximumPages());
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void limiterSeesEveryRequestAndCanVeto(MemoryKind kind) {
        RecordingLimiter limiter = new RecordingLimiter();
        limiter.vetoAboveBytes = 2L * PAGE;
        try (LinearMemory memory = create(kind, MemoryType.of(1, 8), limiter)) {
            assertEquals(1, memory.grow(1));
            assertEquals(-1, memory.grow(1));
            assertEquals(2, memory.pages());
            assertEquals(List.of("growing 65536->131072", "growing 131072->196608", "failed +1 VETOED"), limiter.events);
        }
    }

    @Test
    void staticMemoryFailsPastItsCapacityAndReportsTheLowerRuntimeMaximum() {
        try (StaticMemory memory = StaticMemory.offHeap(MemoryType.of(1, 100), 4L * PAGE)) {
            assertEquals(OptionalLong.of(4), memory.maximumPages());
            assertEquals(1, memory.grow(3));
            assertEquals(-1, memory.grow(1));
            assertEquals(4, memory.pages());
        }
    }

    @Test
    void heapMemoryFailsPastWhatAnArrayHolds() {
        try (LinearMemory memory = DynamicMemory.onHeap(MemoryType.of(0, -1))) {
            assertEquals(OptionalLong.of(32767), memory.maximumPages());
            assertEquals(-1, memory.grow(32768));
            assertEquals(0, memory.pages());
        }
    }

    /** Storage that cannot get memory: the grow fails with -1, never with OutOfMemoryError. */
    @Test
    void outOfMemoryBecomesMinusOne() {
        DynamicStorage exhausted = new DynamicStorage() {
            private final DynamicStorage inner = DynamicStorage.heap();

            @Override
            public Object base() {
                return inner.base();
            }

            @Override
            public long baseOffset() {
                return inner.baseOffset();
            }

            @Override
            public long capacityBytes() {
                return inner.capacityBytes();
            }

            @Override
            public long maximumBytes() {
                return inner.maximumBytes();
            }

            @Override
            public boolean isNative() {
                return false;
            }

            @Override
            protected boolean growTo(long oldByteSize, long newByteSize, long reserveLimitBytes) {
                if (newByteSize > PAGE) {
                    throw new OutOfMemoryError("Java heap space (simulated)");
                }
                return inner.growTo(oldByteSize, newByteSize, reserveLimitBytes);
            }

            @Override
            protected void freeReplaced() {
            }

            @Override
            protected void free() {
            }
        };
        RecordingLimiter limiter = new RecordingLimiter();
        try (LinearMemory memory = DynamicMemory.create(MemoryType.of(1, 10), exhausted, limiter)) {
            assertEquals(-1, memory.grow(1));
            assertEquals(1, memory.pages());
            assertEquals("failed +1 OUT_OF_STORAGE", limiter.events.get(limiter.events.size() - 1));
        }
    }

    @Test
    void aRealHugeHeapGrowFailsCleanly() {
        // Ask for the largest array the type allows; on a small heap this throws OutOfMemoryError inside, which must become -1.
        try (LinearMemory memory = DynamicMemory.onHeap(MemoryType.of(0, -1))) {
            long result = memory.grow(32767);
            assertTrue(result == 0 || result == -1);
            assertEquals(result == 0 ? 32767 : 0, memory.pages());
        }
    }

    @Test
    void growingOnePageAtATimeMovesLogarithmicallyOften() {
        try (LinearMemory memory = DynamicMemory.offHeap(MemoryType.of(1, -1))) {
            for (int i = 1; i < 16384; i++) {
                assertEquals(i, memory.grow(1));
            }
            MemoryStatistics stats = memory.statistics();
            assertEquals(16383, stats.grows());
            assertTrue(stats.moves() <= 15, "moves: " + stats.moves());
        }
        try (LinearMemory memory = DynamicMemory.onHeap(MemoryType.of(1, -1))) {
            for (int i = 1; i < 4096; i++) {
                memory.grow(1);
            }
            assertTrue(memory.statistics().moves() <= 13, "moves: " + memory.statistics().moves());
        }
    }

    /**
     * A native dynamic memory reserves address space far beyond its size (only the size is
     * accessible), so growing page by page within that reservation never moves: no copy, and
     * compiled code keeps its cached base. New pages still read zero.
     */
    @Test
    void nativeDynamicMemoryGrowsInPlaceWithinItsReservation() {
        try (DynamicMemory memory = DynamicMemory.offHeap(MemoryType.of(1, -1))) {
            long base = memory.storageOffset();
            var stable = memory.storageStable();
            assertTrue(memory.capacityBytes() >= NativeDynamicStorage.GROWTH_RESERVATION_BYTES, "capacity " + memory.capacityBytes());
            for (int i = 1; i <= 1024; i++) {
                assertEquals(i, memory.grow(1));
                assertEquals(0, memory.readLong((long) i * PAGE + PAGE - 8), "new page " + i);
                memory.writeLong((long) i * PAGE + PAGE - 8, i);
            }
            assertEquals(0, memory.statistics().moves());
            assertEquals(base, memory.storageOffset());
            assertTrue(stable.isValid(), "no move, no invalidation");
            assertEquals(1024, memory.readLong(1025L * PAGE - 8));
        }
    }

    /** The reservation never exceeds what the type allows, and a grow past it moves, keeping the bytes. */
    @Test
    void nativeDynamicReservationIsCappedByTheMaximumAndMovesPastIt() {
        try (DynamicMemory memory = DynamicMemory.offHeap(MemoryType.of(1, 4))) {
            assertEquals(4L * PAGE, memory.capacityBytes());
            assertEquals(1, memory.grow(3));
            assertEquals(0, memory.statistics().moves());
        }
        // a 1 GiB + 1 page grow from a fresh memory passes the spare reservation of its first block
        try (DynamicMemory memory = DynamicMemory.offHeap(MemoryType.of(1, -1))) {
            memory.writeLong(8, 42);
            long pastSpare = NativeDynamicStorage.GROWTH_RESERVATION_BYTES / PAGE + 1;
            assertEquals(1, memory.grow(pastSpare));
            assertEquals(1, memory.statistics().moves());
            assertEquals(42, memory.readLong(8));
            assertEquals(0, memory.readLong(memory.byteSize() - 8));
        }
    }

    @Test
    void sharedMemoriesAreStaticOnly() {
        MemoryType shared = MemoryType.builder().minimumPages(1).maximumPages(2).shared(true).build();
        var e = assertThrows(MemoryAllocationException.class, () -> DynamicMemory.onHeap(shared));
        assertTrue(e.getMessage().contains("shared memory must be static"), e.getMessage());
        try (LinearMemory memory = MemoryAllocator.staticNative().allocate(shared)) {
            assertEquals(1, memory.grow(1));
            assertEquals(-1, memory.grow(1));
        }
        // the dynamic presets give a shared type the static memory it needs, on the same storage
        try (LinearMemory heap = MemoryAllocator.dynamicHeap().allocate(shared);
                        LinearMemory offHeap = MemoryAllocator.dynamicNative().allocate(shared)) {
            assertTrue(heap instanceof StaticMemory && !heap.isNative());
            assertTrue(offHeap instanceof StaticMemory && offHeap.isNative());
        }
    }

    @Test
    void minimumThatDoesNotFitIsAClearError() {
        var e = assertThrows(MemoryAllocationException.class, () -> StaticMemory.onHeap(MemoryType.of(4, 4), PAGE));
        assertTrue(e.getMessage().contains("exceeds what this storage can hold"), e.getMessage());
    }

    @Test
    void emptyDefaultMemoryHasNoPagesAndCannotGrow() {
        LinearMemory empty = LinearMemory.empty();
        assertEquals(0, empty.pages());
        assertEquals(-1, empty.grow(1));
        assertThrows(MemoryTrap.class, () -> empty.readByte(0));
    }
}
