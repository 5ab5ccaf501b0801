package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmException.Kind;

/**
 * The memory instructions of memory.wat (memory $m: 1 to 3 pages with "\01".."\08" at 16, memory
 * $big: i64-addressed), over every kind of memory the library's allocator presets create.
 */
class MemoryInstructionsTest {
    static Stream<MemoryAllocator> allocators() {
        return Stream.of(MemoryAllocator.dynamicHeap(), MemoryAllocator.dynamicNative(), MemoryAllocator.staticNative(), MemoryAllocator.staticHeap());
    }

    private static void withModule(MemoryAllocator allocator, java.util.function.Consumer<WasmInstance> test) {
        try (WasmEngine engine = WasmEngine.builder().allocator(allocator).build()) {
            test.accept(TestModules.instantiate(engine, "memory"));
        }
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void loadsHonourOffsetWidthAndSign(MemoryAllocator allocator) {
        withModule(allocator, m -> {
            assertEquals(0x0807060504030201L, one(m, "load64", 0));
            m.invoke("store16", 16, 0xff80);
            assertEquals(-128, one(m, "load8_s", 0));
            assertEquals(0xff80, one(m, "load16_u", 0));
            assertEquals(0L, one(m, "load32_s", 65532));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("load32_s", 65533));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("load64", 65520));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("load64", -1));
        });
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void floatsStoreTheirBits(MemoryAllocator allocator) {
        withModule(allocator, m -> {
            m.invoke("store-f64", 0, 1.5);
            assertEquals(1.5, one(m, "load-f64", 0));
            m.invoke("store-f32", 32, Float.intBitsToFloat(0x7fc00005));
            assertEquals(0x7fc00005, one(m, "load-i32", 32));
        });
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void growWithinTheMaximum(MemoryAllocator allocator) {
        withModule(allocator, m -> {
            assertEquals(1, one(m, "size"));
            assertEquals(1, one(m, "grow", 1));
            assertEquals(2, one(m, "size"));
            assertEquals(-1, one(m, "grow", 2));
            assertEquals(0, one(m, "load-i32", 2 * 65536 - 4), "grown memory is zero and accessible");
            assertEquals(2, one(m, "grow", 1));
            assertEquals(3, one(m, "size"));
        });
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void bulkOperations(MemoryAllocator allocator) {
        withModule(allocator, m -> {
            m.invoke("fill", 100, 0xAB, 4);
            assertEquals(0xABABABAB, one(m, "load-i32", 100));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("fill", 65534, 1, 4));
            assertEquals(0, one(m, "load-i32", 65532), "a trapping fill writes nothing");
            m.invoke("copy", 200, 16, 8);
            assertEquals(0x0807060504030201L, one(m, "load64", 184));
            m.invoke("copy", 17, 16, 7);
            assertEquals(0x0706050403020101L, one(m, "load64", 0), "overlapping copy moves as if through a buffer");
            m.invoke("init", 300, 1, 3);
            assertEquals(0x6c6c65, one(m, "load-i32", 300));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("init", 65535, 0, 2));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("init", 0, 3, 3));
            m.invoke("drop");
            m.invoke("init", 0, 0, 0);
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("init", 0, 0, 1));
            assertEquals(36, one(m, "sum-bytes", 200, 8));
        });
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void memory64AndCopyBetweenMemories(MemoryAllocator allocator) {
        withModule(allocator, m -> {
            m.invoke("big-store", 65536L - 8, 42L);
            assertEquals(42L, one(m, "big-load", 65536L - 8));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("big-load", 65536L - 7));
            assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("big-load", -1L));
            assertEquals(1L, one(m, "big-size"));
            assertEquals(1L, one(m, "big-grow", 1L));
            m.invoke("copy-between", 8L, 16, 8);
            assertEquals(0x0807060504030201L, one(m, "big-load", 8L));
        });
    }

    @ParameterizedTest
    @MethodSource("allocators")
    void exportedMemoryIsTheLibrarysObject(MemoryAllocator allocator) {
        withModule(allocator, m -> {
            LinearMemory memory = m.memory("memory");
            assertEquals(65536, memory.byteSize());
            assertEquals(0x04030201, memory.readInt(16));
            memory.writeInt(400, 99);
            assertEquals(99, one(m, "load-i32", 400));
        });
    }
}
