package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    void compiledFloatIdentitiesStillQuietASignallingNan() {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).options(COMPILE_AT_ONCE).build()) {
            WasmInstance m = TestModules.instantiate(engine, "nan-folds");
            float signalling32 = Float.intBitsToFloat(0x7fa0_0000);
            double signalling64 = Double.longBitsToDouble(0x7ff4_0000_0000_0000L);
            for (WasmExport e : m.exports()) {
                if (e.name().startsWith("f32.")) {
                    int bits = Float.floatToRawIntBits((Float) one(m, e.name(), signalling32));
                    assertEquals(0x7fc0_0000, bits & 0x7fc0_0000, e.name() + " must return an arithmetic NaN, not 0x" + Integer.toHexString(bits));
                } else {
                    long bits = Double.doubleToRawLongBits((Double) one(m, e.name(), signalling64));
                    assertEquals(0x7ff8_0000_0000_0000L, bits & 0x7ff8_0000_0000_0000L,
                                    e.name() + " must return an arithmetic NaN, not 0x" + Long.toHexString(bits));
                }
            }
            assertEquals(15, m.exports().size());
            assertEquals(1.5f, one(m, "f32.mul_1", 1.5f), "numbers are unchanged");
            assertEquals(-2.5, one(m, "f64.neg0_sub", 2.5));
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

    /**
     * A trap in compiled code throws from its branch: the code stays valid however often the trap
     * is taken. Each function compiles at most twice (compiled at once, then again when its nodes
     * have specialized); a trap that deoptimized would be taken until Graal gives up on the
     * function ("Deopt taken too many times", thrown here by CompilationFailureAction=Throw).
     */
    @Test
    void trapsTakenOnEveryCallKeepTheCompiledCode() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, String> options = Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false", "engine.MultiTier", "false",
                        "engine.CompilationFailureAction", "Throw", "engine.TraceCompilation", "true");
        Map<String, String> trapOf = Map.of("unreachable", "unreachable", "divide-by-zero", "integer divide by zero", "overflow", "integer overflow",
                        "invalid-conversion", "invalid conversion to integer", "undefined-element", "undefined element",
                        "uninitialized-element", "uninitialized element", "type-mismatch", "indirect call type mismatch",
                        "table-out-of-bounds", "out of bounds table access");
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).options(options).logOutput(log).build()) {
            WasmInstance m = TestModules.instantiate(engine, "traps-every-call");
            for (int call = 0; call < 40; call++) {
                trapOf.forEach((export, trap) -> TestModules.assertFails(Kind.TRAP, trap, () -> m.invoke(export, switch (export) {
                    case "unreachable" -> new Object[0];
                    case "invalid-conversion" -> new Object[]{0.0f};
                    default -> new Object[]{1};
                })));
            }
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        assertTrue(!trace.contains("opt failed"), trace);
        // the function and its entry root (the engine's call from outside the instance) are two call targets
        for (String export : trapOf.keySet()) {
            for (String target : List.of("traps-every-call\\." + export + "\\s+\\|", "traps-every-call\\." + export + " \\(entry\\)")) {
                Pattern name = Pattern.compile(target);
                long compilations = trace.lines().filter(line -> line.contains("opt done") && name.matcher(line).find()).count();
                assertTrue(compilations >= 1 && compilations <= 2, target + " compiled " + compilations + " times:\n" + trace);
            }
        }
    }
}
