package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryTypeTest {
    @Test
    void refusesMinimumAboveMaximum() {
        var e = assertThrows(InvalidMemoryTypeException.class, () -> MemoryType.of(3, 2));
        assertTrue(e.getMessage().contains("minimum 3 pages is greater than maximum 2 pages"), e.getMessage());
    }

    @Test
    void refusesI32MemoriesAbove65536Pages() {
        var e = assertThrows(InvalidMemoryTypeException.class, () -> MemoryType.of(0, 65537));
        assertTrue(e.getMessage().contains("i32 memory can have at most 65536 pages"), e.getMessage());
        assertEquals(65536, MemoryType.of(65536, 65536).minimumPages());
    }

    @Test
    void refusesI64MemoriesAbove2To48Pages() {
        var e = assertThrows(InvalidMemoryTypeException.class,
                        () -> MemoryType.builder().index64(true).minimumPages((1L << 48) + 1).build());
        assertTrue(e.getMessage().contains("i64 memory can have at most 281474976710656 pages"), e.getMessage());
        MemoryType.builder().index64(true).maximumPages(1L << 48).build();
    }

    @Test
    void refusesSharedWithoutMaximum() {
        var e = assertThrows(InvalidMemoryTypeException.class, () -> MemoryType.builder().shared(true).build());
        assertTrue(e.getMessage().contains("shared memory must declare a maximum"), e.getMessage());
    }

    @Test
    void refusesOddPageSizes() {
        assertThrows(InvalidMemoryTypeException.class, () -> MemoryType.builder().pageSizeBytes(4096).build());
        assertEquals(1, MemoryType.builder().pageSizeBytes(1).minimumPages(3).build().minimumBytes() / 3);
    }

    @Test
    void saturatesHugeMinimumBytes() {
        MemoryType t = MemoryType.builder().index64(true).minimumPages(1L << 48).build();
        assertEquals(Long.MAX_VALUE, t.minimumBytes());
    }
}
