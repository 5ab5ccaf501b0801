package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;


/**
 * How loop-heavy functions reach compiled code, read from the compilation trace: a function whose
 * time goes into its loops compiles as a whole call target (its back edges count towards the
 * compilation threshold, not only its calls), and OSR code is entered and left on every call
 * without deoptimizing each time.
 *
 * <p>{@code loops.fill-and-sum} is the function of loops.wat, named by its export. "opt deopt"
 * is the trace line of a compiled call (an OSR loop included) that finished in the interpreter:
 * one per call is what the benchmarks once showed. ("opt inval." is not counted: closing the engine invalidates every
 * compiled target once, through the memories' assumptions.)
 */
class LoopCompilationTest {
    private static final String FUNCTION = "loops.fill-and-sum";

    /** sum over i < n of (7 * i) & 0xff, the checksum fill-and-sum computes, in plain Java. */
    private static int expectedChecksum(int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            acc += (i * 7) & 0xff;
        }
        return acc;
    }

    private static String run(Map<String, String> extraOptions, int calls, int n) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, String> options = new HashMap<>(Map.of("engine.TraceCompilation", "true", "engine.BackgroundCompilation", "false",
                        "engine.MultiTier", "false", "engine.CompilationFailureAction", "Throw"));
        options.putAll(extraOptions);
        try (WasmEngine engine = WasmEngine.builder().options(options).logOutput(log).build()) {
            WasmInstance m = TestModules.instantiate(engine, "loops");
            for (int i = 0; i < calls; i++) {
                assertEquals(expectedChecksum(n), one(m, "fill-and-sum", n), "call " + i);
            }
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        return trace;
    }

    private static List<String> lines(String trace, String event) {
        return trace.lines().filter(line -> line.contains(event)).toList();
    }

    /**
     * 30 calls are far below the call-count threshold (1,000 calls by default), but their 60,000
     * back edges are not: the function itself must compile, with no OSR needed.
     */
    @Test
    void backEdgesCompileTheWholeFunction() {
        String trace = run(Map.of("engine.SingleTierCompilationThreshold", "1000"), 30, 1000);
        boolean wholeFunction = lines(trace, "opt done").stream().anyMatch(line -> line.contains(FUNCTION + " ") && !line.contains("<OSR"));
        assertTrue(wholeFunction, "the function did not compile as a whole:\n" + trace);
        assertTrue(lines(trace, "opt deopt").size() <= 1, "compiled code deoptimized again and again:\n" + trace);
        assertTrue(lines(trace, "opt done").size() <= 2, "compiled again and again:\n" + trace);
    }

    /**
     * Only OSR compiles (the function's threshold out of reach): every call enters the OSR code of
     * its loops and returns through it. That exit used to deoptimize on every call (restoring the
     * interpreter's frame: 3 deoptimizations in this test then, 1 now; compilation is synchronous,
     * so the count does not depend on timing).
     */
    @Test
    void osrCodeIsLeftWithoutDeoptimizing() {
        String trace = run(Map.of("engine.SingleTierCompilationThreshold", "1000000000",
                        "engine.LastTierCompilationThreshold", "1000000000", "engine.OSRCompilationThreshold", "1000"), 20, 20_000);
        assertTrue(lines(trace, "opt done").stream().anyMatch(line -> line.contains(FUNCTION + "<OSR")), "no OSR compilation:\n" + trace);
        // One deoptimization is expected: the first loop's OSR code was compiled before the second
        // loop's memory access had run, and recompiles once it has.
        assertTrue(lines(trace, "opt deopt").size() <= 1, "OSR code deoptimized again and again:\n" + trace);
        assertTrue(lines(trace, "opt done").size() <= 4, "OSR code compiled again and again:\n" + trace);
    }
}
