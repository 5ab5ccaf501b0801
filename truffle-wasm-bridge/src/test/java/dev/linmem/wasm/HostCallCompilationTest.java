package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.Truffle;

import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmModule;

/**
 * Calls from compiled wasm code to host functions, read from the compilation trace: each importing
 * instance gets its own call target for a host function, so a {@code call} of one is a direct,
 * monomorphic call that the compiler inlines (the host root appears in the inlining trace of the
 * caller's compilation), instances with different host functions compile once each, and
 * exceptions thrown by host code pass through compiled code without deoptimizing it.
 */
class HostCallCompilationTest {
    private static final Map<String, String> OPTIONS = Map.of("engine.TraceCompilation", "true", "compiler.TraceInlining", "true",
                    "engine.BackgroundCompilation", "false", "engine.MultiTier", "false", "engine.CompilationFailureAction", "Throw",
                    "engine.SingleTierCompilationThreshold", "50", "engine.OSRCompilationThreshold", "100000000");

    @BeforeAll
    static void optimizingRuntime() {
        assertNotEquals("Interpreted", Truffle.getRuntime().getName(), "Truffle fell back to the interpreter-only runtime: check the JVM flags and compiler jars");
    }

    private static HostFunction inc(int step) {
        return HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> (Integer) args[0] + step);
    }

    private static Imports imports(HostFunction inc) {
        HostFunction none = HostFunction.of(List.of(ValType.I32, ValType.I32), List.of(), (caller, args) -> null);
        HostFunction split = HostFunction.of(List.of(ValType.I64), List.of(ValType.I32, ValType.F64), (caller, args) -> new Object[]{0, 0.0});
        HostFunction store = HostFunction.of(List.of(ValType.I32), List.of(), (caller, args) -> null);
        return new Imports().function("env", "inc", inc).function("env", "log", none).function("env", "split", split).function("env", "store", store);
    }

    private static List<String> lines(String trace, String event) {
        return trace.lines().filter(line -> line.contains(event)).toList();
    }

    @Test
    void compiledCodeCallsHostFunctionsDirectly() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String trace;
        try (WasmEngine engine = WasmEngine.builder().options(OPTIONS).logOutput(log).build()) {
            WasmModule module = engine.decode(TestModules.bytes("host-calls"), "host-calls");
            WasmInstance byOne = engine.instantiate(module, imports(inc(1)));
            WasmInstance byTen = engine.instantiate(module, imports(inc(10)));
            for (int i = 0; i < 400; i++) {
                assertEquals(1000, one(byOne, "loop", 1000));
                assertEquals(10_000, one(byTen, "loop", 1000));
            }
            trace = log.toString(StandardCharsets.UTF_8);
        }
        List<String> done = lines(trace, "opt done").stream().filter(line -> line.contains("host-calls.loop")).toList();
        assertEquals(2, done.size(), "each instance's loop compiles once:\n" + trace);
        // The inlining trace of each loop compilation lists the host function as inlined: the
        // call site is direct (an indirect or megamorphic one would not inline).
        assertEquals(2, lines(trace, "] Inlined ").stream().filter(line -> line.contains(" env.inc ")).count(), "env.inc is not inlined into both loops:\n" + trace);
        assertTrue(lines(trace, "opt deopt").isEmpty(), "compiled code deoptimized:\n" + trace);
        assertTrue(lines(trace, "opt inval").isEmpty(), "compiled code was invalidated:\n" + trace);
    }

    @Test
    void hostExceptionsPassThroughCompiledCodeWithoutDeoptimizing() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        IllegalStateException stop = new IllegalStateException("stop at 500");
        HostFunction failing = HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> {
            if ((Integer) args[0] == 500) {
                throw stop;
            }
            return (Integer) args[0] + 1;
        });
        String trace;
        try (WasmEngine engine = WasmEngine.builder().options(OPTIONS).logOutput(log).build()) {
            WasmInstance m = engine.instantiate(engine.decode(TestModules.bytes("host-calls"), "host-calls"), imports(failing));
            for (int i = 0; i < 400; i++) {
                assertSame(stop, assertThrows(IllegalStateException.class, () -> m.invoke("loop", 1000)));
            }
            trace = log.toString(StandardCharsets.UTF_8);
        }
        assertEquals(1, lines(trace, "opt done").stream().filter(line -> line.contains("host-calls.loop")).count(), "the loop compiled more than once:\n" + trace);
        // The host function's own call target, compiled while the loop still ran in the
        // interpreter, had never seen an exception and deoptimizes at the first one; from then on
        // the exception is a path of compiled code, not a deoptimization per throw.
        assertTrue(lines(trace, "opt deopt").size() <= 1, "compiled code deoptimized more than once:\n" + trace);
        assertTrue(lines(trace, "opt deopt").stream().noneMatch(line -> line.contains("host-calls.loop")), "the loop deoptimized:\n" + trace);
    }
}
