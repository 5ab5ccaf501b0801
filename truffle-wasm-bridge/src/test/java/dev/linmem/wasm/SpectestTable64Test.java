package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmException.Kind;
import dev.linmem.wasm.host.SpectestModule;

/**
 * The spectest host module's {@code table64}: 10 to 20 funcrefs indexed by i64, as in the reference
 * interpreter. The modules are assembled here because Debian's wat2wasm (1.0.32) cannot write
 * table64 types; the text each one stands for is in its comment.
 */
class SpectestTable64Test {
    private WasmEngine engine;

    @BeforeEach
    void create() {
        engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).hostModule(SpectestModule.silent()).build();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /**
     * <pre>
     * (module
     *   (import "spectest" "table64" (table $t i64 10 20 funcref))
     *   (func $seven (result i32) (i32.const 7))
     *   (elem (table $t) (i64.const 9) func $seven)
     *   (func (export "size") (result i64) (table.size $t))
     *   (func (export "grow") (param i64) (result i64) (table.grow $t (ref.null func) (local.get 0)))
     *   (func (export "call") (param i64) (result i32) (call_indirect $t (result i32) (local.get 0))))
     * </pre>
     */
    private static byte[] table64Importer() {
        Module m = new Module();
        m.section(1, bytes(4, 0x60, 0, 1, 0x7F, 0x60, 0, 1, 0x7E, 0x60, 1, 0x7E, 1, 0x7E, 0x60, 1, 0x7E, 1, 0x7F));
        m.section(2, tableImport("table64", 0x05));
        m.section(3, bytes(4, 0, 1, 2, 3));
        m.section(7, concat(bytes(3), name("size"), bytes(0, 1), name("grow"), bytes(0, 2), name("call"), bytes(0, 3)));
        m.section(9, bytes(1, 0x00, 0x42, 9, 0x0B, 1, 0));
        m.section(10, bytes(4,
                        4, 0, 0x41, 7, 0x0B,
                        5, 0, 0xFC, 16, 0, 0x0B,
                        9, 0, 0xD0, 0x70, 0x20, 0, 0xFC, 15, 0, 0x0B,
                        7, 0, 0x20, 0, 0x11, 0, 0, 0x0B));
        return m.build();
    }

    /**
     * The import section of {@code (import "spectest" FIELD (table 10 20 funcref))}, with limits flags
     * 0x01 (a maximum, i32 indices) or 0x05 (a maximum, i64 indices: {@code (table i64 10 20 funcref)}).
     */
    private static byte[] tableImport(String field, int limitsFlags) {
        return concat(bytes(1), name("spectest"), name(field), bytes(0x01, 0x70, limitsFlags, 10, 20));
    }

    private static byte[] importOnly(String field, int limitsFlags) {
        Module m = new Module();
        m.section(2, tableImport(field, limitsFlags));
        return m.build();
    }

    @Test
    void table64HoldsTenToTwentyFuncrefsIndexedByI64() {
        WasmInstance m = engine.instantiate(engine.decode(table64Importer(), "table64-importer"));
        assertEquals(10L, one(m, "size"));
        assertEquals(7, one(m, "call", 9L), "the element segment wrote slot 9 through an i64 offset");
        assertFails(Kind.TRAP, "uninitialized element", () -> m.invoke("call", 0L));
        assertFails(Kind.TRAP, "undefined element", () -> m.invoke("call", 10L));
        assertEquals(10L, one(m, "grow", 10L));
        assertEquals(-1L, one(m, "grow", 1L), "the maximum is 20");
        assertEquals(20L, one(m, "size"));
    }

    @Test
    void table64IsNotAnI32TableAndTableIsNotATable64() {
        assertFails(Kind.UNLINKABLE, "incompatible import type",
                        () -> engine.instantiate(engine.decode(importOnly("table64", 0x01), "table64-as-i32")));
        assertFails(Kind.UNLINKABLE, "incompatible import type",
                        () -> engine.instantiate(engine.decode(importOnly("table", 0x05), "table-as-table64")));
        engine.instantiate(engine.decode(importOnly("table", 0x01), "table-as-i32"));
    }

    /** A binary module: the header, then sections whose sizes are written for their contents. */
    private static final class Module {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Module() {
            out.writeBytes(SpectestTable64Test.bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00));
        }

        void section(int id, byte[] contents) {
            out.write(id);
            out.write(contents.length); // every section here is shorter than 128 bytes: a one-byte LEB128
            out.writeBytes(contents);
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(bytes(utf8.length), utf8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
