package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.linmem.wasm.WasmException.Kind;

/** call_indirect and the table instructions of tables.wat (table $t: 4 funcrefs, maximum 10). */
class TablesTest {
    private WasmEngine engine;
    private WasmInstance m;

    @BeforeEach
    void instantiate() {
        engine = WasmEngine.create();
        m = TestModules.instantiate(engine, "tables");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void callIndirectDispatchesAndTraps() {
        assertEquals(10, one(m, "call", 0, 5));
        assertEquals(25, one(m, "call", 1, 5));
        assertFails(Kind.TRAP, "uninitialized element", () -> m.invoke("call", 2, 5));
        assertFails(Kind.TRAP, "undefined element", () -> m.invoke("call", 4, 5));
        assertFails(Kind.TRAP, "undefined element", () -> m.invoke("call", -1, 5));
        assertFails(Kind.TRAP, "indirect call type mismatch", () -> m.invoke("call-v2i", 0));
    }

    @Test
    void growSizeAndBounds() {
        assertEquals(4, one(m, "size"));
        assertEquals(4, one(m, "grow", 3));
        assertEquals(7, one(m, "size"));
        assertEquals(-1, one(m, "grow", 4), "past the maximum of 10");
        assertEquals(1, one(m, "is-null", 6));
        assertFails(Kind.TRAP, "out of bounds table access", () -> m.invoke("is-null", 7));
    }

    @Test
    void initCopyFillAndDrop() {
        m.invoke("init", 2, 0, 2); // $seven $double into slots 2, 3
        assertEquals(7, one(m, "call-v2i", 2));
        assertEquals(8, one(m, "call", 3, 4));
        assertFails(Kind.TRAP, "out of bounds table access", () -> m.invoke("init", 3, 0, 2));
        m.invoke("copy", 0, 2, 2); // overlapping-safe copy of slots 2..3 to 0..1
        assertEquals(7, one(m, "call-v2i", 0));
        m.invoke("fill-seven", 1, 3);
        assertEquals(7, one(m, "call-v2i", 3));
        assertFails(Kind.TRAP, "out of bounds table access", () -> m.invoke("fill-seven", 3, 2));
        m.invoke("set-null", 3);
        assertEquals(1, one(m, "is-null", 3));
        m.invoke("drop");
        m.invoke("init", 0, 0, 0); // a dropped segment is empty: length 0 still succeeds
        assertFails(Kind.TRAP, "out of bounds table access", () -> m.invoke("init", 0, 0, 1));
    }

    @Test
    void externrefRoundTrips() {
        Object host = new Object();
        m.invoke("ext-set", 1, host);
        assertSame(host, one(m, "ext-get", 1));
        assertEquals(null, one(m, "ext-get", 0));
    }

    @Test
    void aTableLargerThanAnArrayIsAResourceErrorAtInstantiation() {
        WasmException e = assertFails(Kind.RESOURCE_LIMIT, "table cannot be allocated", () -> TestModules.instantiate(engine, "huge-table"));
        assertEquals(true, e.getMessage().contains("4294967295 elements"), e.getMessage());
    }

    @Test
    void growingATablePastWhatAnArrayHoldsFails() {
        WasmInstance growing = TestModules.instantiate(engine, "growing-table");
        assertEquals(-1, one(growing, "grow", Integer.MAX_VALUE));
        assertEquals(-1, one(growing, "grow", -1), "2^32 - 1 more elements");
        assertEquals(1, one(growing, "grow", 2));
    }
}
