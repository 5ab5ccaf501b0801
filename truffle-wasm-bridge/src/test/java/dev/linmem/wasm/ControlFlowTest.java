package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.linmem.wasm.WasmException.Kind;

/** Blocks, loops, branches with values, br_table, multi-value, select, calls, recursion limits. */
class ControlFlowTest {
    private static WasmEngine engine;
    private static WasmInstance m;

    @BeforeAll
    static void instantiate() {
        engine = WasmEngine.create();
        m = TestModules.instantiate(engine, "control");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void recursionAndLoops() {
        assertEquals(2432902008176640000L, one(m, "fac", 20L));
        assertEquals(5050, one(m, "sum-loop", 100));
        assertEquals(10, one(m, "loop-params", 4));
    }

    @Test
    void brTableChoosesLabelOrDefault() {
        assertEquals(100, one(m, "switch", 0));
        assertEquals(101, one(m, "switch", 1));
        assertEquals(102, one(m, "switch", 2));
        assertEquals(103, one(m, "switch", 3));
        assertEquals(103, one(m, "switch", 4));
        assertEquals(103, one(m, "switch", -1));
    }

    @Test
    void branchesCarryValues() {
        assertEquals(1007, one(m, "br-with-value", 1));
        assertEquals(1009, one(m, "br-with-value", 0));
        assertEquals(3, one(m, "nested-br"));
        assertEquals(15, one(m, "block-params", 5));
        assertEquals(1, one(m, "if-else", 1));
        assertEquals(2, one(m, "if-else", 0));
        assertEquals(11L, one(m, "select", 1));
        assertEquals(22L, one(m, "select", 0));
    }

    @Test
    void multipleValues() {
        assertArrayEquals(new Object[]{2L, 6}, m.invoke("multi"));
        assertArrayEquals(new Object[]{2L, 1}, m.invoke("swap", 1, 2L));
    }

    @Test
    void globalsPersistAcrossCalls() {
        int first = (Integer) one(m, "global-inc");
        assertEquals(first + 1, one(m, "global-inc"));
    }

    @Test
    void unreachableTraps() {
        assertFails(Kind.TRAP, "unreachable", () -> m.invoke("unreachable"));
    }

    @Test
    void unboundedRecursionIsExhaustionAndTheEngineStaysUsable() {
        assertFails(Kind.EXHAUSTION, "call stack exhausted", () -> m.invoke("deep", 0));
        assertEquals(120L, one(m, "fac", 5L));
    }

    @Test
    void argumentsAreTypeChecked() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> m.invoke("fac", 5));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> m.invoke("fac"));
    }
}
