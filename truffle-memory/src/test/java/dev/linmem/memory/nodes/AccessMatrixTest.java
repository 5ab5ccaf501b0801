package dev.linmem.memory.nodes;

import static dev.linmem.memory.nodes.Adopt.adopt;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wasm access width, over {static, dynamic} x {heap, native} x {i32, i64 index}: round trips
 * where they must work, traps where they must not, and the same after grow.
 */
class AccessMatrixTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    /** A load and the store that writes what it reads back: width, signedness, a value that shows extension. */
    record Access(String name, int width, boolean signed, long stored, long expectedLoad) {
    }

    static final List<Access> ACCESSES = List.of(
                    new Access("i32.load8_s", 1, true, 0x80, 0xFFFF_FFFF_FFFF_FF80L),
                    new Access("i32.load8_u", 1, false, 0x80, 0x80),
                    new Access("i32.load16_s", 2, true, 0x8001, 0xFFFF_FFFF_FFFF_8001L),
                    new Access("i32.load16_u", 2, false, 0x8001, 0x8001),
                    new Access("i64.load32_s", 4, true, 0x8000_0001L, 0xFFFF_FFFF_8000_0001L),
                    new Access("i64.load32_u/i32.load/f32.load", 4, false, 0x8000_0001L, 0x8000_0001L),
                    new Access("i64.load/f64.load", 8, false, 0x8877_6655_4433_2211L, 0x8877_6655_4433_2211L));

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (MemoryKind kind : MemoryKind.values()) {
            for (boolean index64 : new boolean[]{false, true}) {
                for (Access access : ACCESSES) {
                    all.add(Arguments.of(kind, index64, access));
                }
            }
        }
        return all.stream();
    }

    private static LinearMemory memory(MemoryKind kind, boolean index64) {
        return kind.create(MemoryType.builder().minimumPages(1).maximumPages(4).index64(index64).build());
    }

    @ParameterizedTest(name = "{0} i64={1} {2}")
    @MethodSource("matrix")
    void roundTripsAtZeroAcrossAPageBoundaryAndAtTheLastValidAddress(MemoryKind kind, boolean index64, Access access) {
        try (LinearMemory memory = memory(kind, index64)) {
            memory.grow(1);
            long size = memory.byteSize();
            for (long offset : new long[]{0, 3}) {
                MemoryStoreNode store = adopt(MemoryStoreNode.create(access.width(), offset));
                MemoryLoadNode load = adopt(MemoryLoadNode.create(access.width(), access.signed(), offset));
                for (long address : new long[]{0, PAGE - access.width() / 2 - offset, size - access.width() - offset}) {
                    store.execute(memory, address, access.stored());
                    assertEquals(access.expectedLoad(), load.execute(memory, address), "at " + address + "+" + offset);
                }
            }
            // little-endian: the low byte of the stored value sits at the lowest address
            adopt(MemoryStoreNode.create(access.width(), 0)).execute(memory, 100, access.stored());
            assertEquals((byte) access.stored(), memory.readByte(100));
        }
    }

    @ParameterizedTest(name = "{0} i64={1} {2}")
    @MethodSource("matrix")
    void trapsAtTheFirstInvalidAddressAndBeyond(MemoryKind kind, boolean index64, Access access) {
        try (LinearMemory memory = memory(kind, index64)) {
            long size = memory.byteSize();
            List<long[]> invalid = new ArrayList<>(List.of(
                            new long[]{size - access.width() + 1, 0},
                            new long[]{size - access.width(), 1},
                            new long[]{0xFFFF_FFFFL, 0},
                            new long[]{0xFFFF_FFFFL, 1},
                            new long[]{0xFFFF_FFFFL, 0xFFFF_FFFFL}));
            if (index64) {
                invalid.add(new long[]{1L << 63, 0});
                invalid.add(new long[]{-1L, 0});
                invalid.add(new long[]{-1L, 1}); // address + offset wraps past 2^64
                invalid.add(new long[]{0, -1L});
            }
            for (long[] at : invalid) {
                MemoryLoadNode load = adopt(MemoryLoadNode.create(access.width(), access.signed(), at[1]));
                MemoryStoreNode store = adopt(MemoryStoreNode.create(access.width(), at[1]));
                MemoryTrap loadTrap = assertThrows(MemoryTrap.class, () -> load.execute(memory, at[0]));
                assertTrue(loadTrap.getMessage().startsWith("out of bounds memory access: " + access.width() + " bytes at 0x"),
                                loadTrap.getMessage());
                assertTrue(loadTrap.getMessage().endsWith("memory size " + size), loadTrap.getMessage());
                assertThrows(MemoryTrap.class, () -> store.execute(memory, at[0], -1L));
            }
            // a trapping store wrote nothing, not even the bytes that were in range
            byte[] tail = new byte[access.width()];
            memory.read(size - access.width(), tail, 0, tail.length);
            assertEquals(0, countNonZero(tail));
        }
    }

    @ParameterizedTest(name = "{0} i64={1} {2}")
    @MethodSource("matrix")
    void growKeepsOldDataZeroesNewBytesAndOpensTheFormerFirstInvalidAddress(MemoryKind kind, boolean index64, Access access) {
        try (LinearMemory memory = memory(kind, index64)) {
            MemoryStoreNode store = adopt(MemoryStoreNode.create(access.width(), 0));
            MemoryLoadNode load = adopt(MemoryLoadNode.create(access.width(), access.signed(), 0));
            long lastValid = memory.byteSize() - access.width();
            long firstInvalid = lastValid + 1;
            store.execute(memory, 0, access.stored());
            store.execute(memory, lastValid, access.stored());
            assertThrows(MemoryTrap.class, () -> load.execute(memory, firstInvalid));

            assertEquals(1, memory.grow(2));
            assertEquals(3, memory.pages());
            assertEquals(access.expectedLoad(), load.execute(memory, 0));
            assertEquals(access.expectedLoad(), load.execute(memory, lastValid));
            byte[] fresh = new byte[2 * PAGE];
            memory.read(PAGE, fresh, 0, fresh.length);
            assertEquals(0, countNonZero(fresh), "new pages read as zero");
            store.execute(memory, firstInvalid, access.stored());
            assertEquals(access.expectedLoad(), load.execute(memory, firstInvalid));
            assertThrows(MemoryTrap.class, () -> load.execute(memory, 3L * PAGE - access.width() + 1));
        }
    }

    private static int countNonZero(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }
}
