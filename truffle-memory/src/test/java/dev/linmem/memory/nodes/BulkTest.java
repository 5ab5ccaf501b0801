package dev.linmem.memory.nodes;

import static dev.linmem.memory.nodes.Adopt.adopt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryKind;
import dev.linmem.memory.MemoryTrap;
import dev.linmem.memory.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** memory.fill, memory.copy (memmove, within and between memories) and memory.init: whole range checked first. */
class BulkTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    private static byte[] snapshot(LinearMemory memory) {
        byte[] all = new byte[(int) memory.byteSize()];
        memory.read(0, all, 0, all.length);
        return all;
    }

    private static void pattern(LinearMemory memory) {
        for (int i = 0; i < memory.byteSize(); i++) {
            memory.writeByte(i, (byte) (i * 31 + 7));
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void fillSetsTheRangeAndTrapsWritingNothing(MemoryKind kind) {
        try (LinearMemory memory = kind.create(MemoryType.of(1, 1))) {
            MemoryFillNode fill = adopt(MemoryFillNode.create());
            fill.execute(memory, 10, 0x1AB, 5); // the low byte of the value
            assertEquals(0, memory.readByte(9));
            assertEquals((byte) 0xAB, memory.readByte(10));
            assertEquals((byte) 0xAB, memory.readByte(14));
            assertEquals(0, memory.readByte(15));
            byte[] before = snapshot(memory);
            MemoryTrap trap = assertThrows(MemoryTrap.class, () -> fill.execute(memory, PAGE - 4, 1, 5));
            assertTrue(trap.getMessage().startsWith("out of bounds memory access"), trap.getMessage());
            assertThrows(MemoryTrap.class, () -> fill.execute(memory, 0, 1, -1L)); // 2^64 - 1 bytes
            assertArrayEquals(before, snapshot(memory), "a trapping fill writes nothing");
            fill.execute(memory, PAGE, 1, 0); // zero bytes at the end: allowed
            assertThrows(MemoryTrap.class, () -> fill.execute(memory, PAGE + 1, 1, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void copyWithinAMemoryHasMemmoveSemantics(MemoryKind kind) {
        try (LinearMemory memory = kind.create(MemoryType.of(1, 1))) {
            pattern(memory);
            byte[] expected = snapshot(memory);
            MemoryCopyNode copy = adopt(MemoryCopyNode.create());
            copy.execute(memory, memory, 100, 90, 50); // overlapping, forward
            System.arraycopy(expected, 90, expected, 100, 50);
            assertArrayEquals(expected, snapshot(memory));
            copy.execute(memory, memory, 200, 210, 50); // overlapping, backward
            System.arraycopy(expected, 210, expected, 200, 50);
            assertArrayEquals(expected, snapshot(memory));
            assertThrows(MemoryTrap.class, () -> copy.execute(memory, memory, 0, PAGE - 10, 11));
            assertThrows(MemoryTrap.class, () -> copy.execute(memory, memory, PAGE - 10, 0, 11));
            assertArrayEquals(expected, snapshot(memory), "a trapping copy writes nothing");
        }
    }

    static Stream<Arguments> kindPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (MemoryKind a : MemoryKind.values()) {
            for (MemoryKind b : MemoryKind.values()) {
                pairs.add(Arguments.of(a, b));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("kindPairs")
    void copyBetweenMemoriesOfAnyKinds(MemoryKind srcKind, MemoryKind dstKind) {
        try (LinearMemory src = srcKind.create(MemoryType.of(1, 2)); LinearMemory dst = dstKind.create(MemoryType.builder().minimumPages(2).maximumPages(2).index64(true).build())) {
            pattern(src);
            MemoryCopyNode copy = adopt(MemoryCopyNode.create());
            copy.execute(dst, src, PAGE + 5, 3, 1000);
            byte[] got = new byte[1000];
            dst.read(PAGE + 5, got, 0, 1000);
            byte[] want = new byte[1000];
            src.read(3, want, 0, 1000);
            assertArrayEquals(want, got);
            byte[] dstBefore = snapshot(dst);
            assertThrows(MemoryTrap.class, () -> copy.execute(dst, src, 0, PAGE - 5, 10)); // source out of range
            assertThrows(MemoryTrap.class, () -> copy.execute(dst, src, 2L * PAGE - 5, 0, 10)); // destination out of range
            assertArrayEquals(dstBefore, snapshot(dst));
        }
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void initCopiesASegmentAndChecksBothRanges(MemoryKind kind) {
        try (LinearMemory memory = kind.create(MemoryType.of(1, 1))) {
            byte[] segment = {1, 2, 3, 4, 5};
            MemoryInitNode init = adopt(MemoryInitNode.create());
            init.execute(memory, segment, 100, 1, 3);
            assertEquals(2, memory.readByte(100));
            assertEquals(4, memory.readByte(102));
            assertEquals(0, memory.readByte(103));
            byte[] before = snapshot(memory);
            assertThrows(MemoryTrap.class, () -> init.execute(memory, segment, 0, 3, 3)); // past the segment
            assertThrows(MemoryTrap.class, () -> init.execute(memory, segment, PAGE - 2, 0, 3)); // past the memory
            assertThrows(MemoryTrap.class, () -> init.execute(memory, new byte[0], 0, 0, 1)); // a dropped segment
            init.execute(memory, new byte[0], PAGE, 0, 0);
            assertArrayEquals(before, snapshot(memory));
        }
    }
}
