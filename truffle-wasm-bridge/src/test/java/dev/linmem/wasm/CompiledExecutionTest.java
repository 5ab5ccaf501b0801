package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmException.Kind;

/**
 * Guest code compiled by the optimizing runtime computes what the interpreter computes: whole
 * call targets (compiled at their first call, failures thrown), and long loops through on-stack
 * replacement, evidenced by the compilation trace.
 */
class CompiledExecutionTest {
    private static final Map<String, String> COMPILE_AT_ONCE = Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                    "engine.MultiTier", "false", "engine.CompilationFailureAction", "Throw");

    /** sum over i < n of (7 * i) & 0xff, the checksum fill-and-sum computes, in plain Java. */
    private static int expectedChecksum(int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            acc += (i * 7) & 0xff;
        }
        return acc;
    }

    @Test
    void compiledCallTargetsAgreeWithJava() {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.staticNative()).options(COMPILE_AT_ONCE).build()) {
            WasmInstance m = TestModules.instantiate(engine, "loops");
            assertEquals(expectedChecksum(1000), one(m, "fill-and-sum", 1000));
            for (long i = 0; i < 50; i++) {
                long expected = Long.rotateLeft(i, 13) ^ (i * 0x9E3779B97F4A7C15L);
                assertEquals(expected, one(m, "mix", i, i));
            }
        }
    }

    @Test
    void compiledControlFlowAgreesWithTheInterpreter() {
        try (WasmEngine engine = WasmEngine.builder().options(COMPILE_AT_ONCE).build()) {
            WasmInstance m = TestModules.instantiate(engine, "control");
            for (int i = -1; i <= 4; i++) {
                assertEquals(i >= 0 && i < 3 ? 100 + i : 103, one(m, "switch", i), "br_table with " + i);
            }
            assertEquals(10, one(m, "loop-params", 4));
            assertEquals(1007, one(m, "br-with-value", 1));
            assertEquals(2432902008176640000L, one(m, "fac", 20L));
            org.junit.jupiter.api.Assertions.assertArrayEquals(new Object[]{2L, 6}, m.invoke("multi"));
            TestModules.assertFails(Kind.EXHAUSTION, "call stack exhausted", () -> m.invoke("deep", 0));
            TestModules.assertFails(Kind.TRAP, "unreachable", () -> m.invoke("unreachable"));
        }
    }

    @Test
    void compiledCodeTrapsLikeTheInterpreter() {
        try (WasmEngine engine = WasmEngine.builder().options(COMPILE_AT_ONCE).build()) {
            WasmInstance m = TestModules.instantiate(engine, "numerics");
            TestModules.assertFails(Kind.TRAP, "integer divide by zero", () -> m.invoke("i32.div_s", 1, 0));
            TestModules.assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i64.div_s", Long.MIN_VALUE, -1L));
            WasmInstance memory = TestModules.instantiate(engine, "memory");
            TestModules.assertFails(Kind.TRAP, "out of bounds memory access", () -> memory.invoke("load64", 65520));
        }
    }

    @Test
    void aLongLoopRunOnceCompilesThroughOsr() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, String> options = Map.of("engine.TraceCompilation", "true", "engine.BackgroundCompilation", "false", "engine.OSRCompilationThreshold", "1000",
                        "engine.CompilationFailureAction", "Throw");
        try (WasmEngine engine = WasmEngine.builder().options(options).logOutput(log).build()) {
            WasmInstance m = TestModules.instantiate(engine, "loops");
            assertEquals(expectedChecksum(200_000), one(m, "fill-and-sum", 200_000));
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        assertTrue(trace.contains("opt done") && trace.contains("<OSR@"), "no OSR compilation in the trace:\n" + trace);
    }
}
