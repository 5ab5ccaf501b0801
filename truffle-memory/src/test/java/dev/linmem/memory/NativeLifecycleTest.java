package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Native storage is freed exactly once, and never touched after close. */
class NativeLifecycleTest {
    private static final long MIB = 1L << 20;

    @ParameterizedTest
    @EnumSource(value = MemoryKind.class, names = {"STATIC_NATIVE", "DYNAMIC_NATIVE"})
    void tenThousandCreateCloseCyclesLeaveNativeMemoryFlat(MemoryKind kind) throws IOException {
        long reservedBefore = NativeRegion.reservedBytes();
        long rssBefore = residentBytes();
        for (int i = 0; i < 10_000; i++) {
            LinearMemory memory = kind.create(MemoryType.of(16, 16)); // 1 MiB
            for (long a = 0; a < MIB; a += 4096) {
                memory.writeByte(a, (byte) 1); // commit every page, so a leak would show in RSS
            }
            memory.close();
        }
        assertEquals(reservedBefore, NativeRegion.reservedBytes(), "address space still reserved after close");
        long rssGrowth = residentBytes() - rssBefore;
        assertTrue(rssGrowth < 256 * MIB, "resident memory grew by " + rssGrowth / MIB + " MiB over 10,000 cycles of 1 MiB");
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void accessAfterCloseIsAClearErrorAndGrowFails(MemoryKind kind) {
        LinearMemory memory = kind.create(MemoryType.of(1, 2));
        memory.writeInt(16, 7);
        memory.close();
        MemoryTrap trap = assertThrows(MemoryTrap.class, () -> memory.readInt(16));
        assertEquals(MemoryTrap.Kind.CLOSED, trap.kind());
        assertTrue(trap.getMessage().startsWith("memory is closed"), trap.getMessage());
        assertThrows(MemoryTrap.class, () -> memory.write(0, new byte[1], 0, 1));
        assertEquals(-1, memory.grow(1));
        assertEquals(0, memory.byteSize());
        memory.close(); // a second close is harmless
    }

    /** VmRSS of this process, from /proc (Linux, like native storage itself). */
    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
