package dev.linmem.fuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.linmem.fuzz.FuzzTestSupport;
import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;
import dev.linmem.fuzz.v8.V8Runner;
import dev.linmem.fuzz.worker.Worker;

/**
 * Reduced modules the fuzzer found, each run again in the configuration that failed (in a worker
 * JVM, so a crash is a verdict). A reproducer must agree with V8. One whose defect is still open
 * (fixed elsewhere, or too large to fix in the bridge) is reported as an aborted test with the
 * defect's description, never skipped silently; once it agrees, the test passes and the
 * reproducer guards the fix.
 */
@Tag("reproducer")
class ReproducersTest {
    /** A defect not fixed yet and the verdict it gives today. */
    record OpenDefect(String description, Verdict verdict) {
    }

    enum Reproducer {
        /**
         * Found by seed 1149 in warm mode: after compilation, a loop-invariant {@code f64.load} at
         * the constant address 0xfc000004 (offset 3) reads the heap array's base + 0xfc000014 and
         * the JVM dies with SIGSEGV, instead of trapping. Static memories and the interpreter trap.
         */
        COMPILED_LOAD_BEFORE_ITS_BOUNDS_CHECK("compiled-load-before-bounds-check", ExecutionMode.WARM, MemoryKind.DYNAMIC_HEAP,
                        Duration.ofMinutes(2), new OpenDefect("issue 9 (being fixed in truffle-memory): compiled code on a dynamic memory "
                                        + "reads out of bounds and crashes the JVM", Verdict.JVM_CRASH)),
        /**
         * Found by a malformed-module run (a bit flip made a function call itself): unbounded
         * recursion, compiled before its first call. V8 and the interpreter report stack
         * exhaustion at once; compiled, linmem neither exhausts within the budget nor stops when
         * the context is cancelled.
         */
        COMPILED_RECURSION_NEITHER_EXHAUSTS_NOR_STOPS("compiled-recursion-unbounded", ExecutionMode.COMPILED, MemoryKind.STATIC_HEAP,
                        Duration.ofSeconds(10), new OpenDefect("issue 9 item 5 (stack exhaustion, being reworked): compiled unbounded "
                                        + "recursion takes longer than any budget and ignores cancellation", Verdict.HANG));

        final String file;
        final ExecutionMode mode;
        final MemoryKind kind;
        /** Time the linmem run may take; a hang shows after it and the worker's grace period. */
        final Duration budget;
        final OpenDefect openDefect;

        Reproducer(String file, ExecutionMode mode, MemoryKind kind, Duration budget, OpenDefect openDefect) {
            this.file = file;
            this.mode = mode;
            this.kind = kind;
            this.budget = budget;
            this.openDefect = openDefect;
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Reproducer.class)
    void agreesWithV8(Reproducer reproducer) throws IOException {
        Path module = dir.resolve("module.wasm");
        Files.write(module, FuzzTestSupport.module("reproducers/" + reproducer.file));
        Differential.Result result;
        try (Worker worker = new Worker(dir.resolve("logs"), "1g", 4L << 30)) {
            V8Runner v8 = new V8Runner(FuzzTestSupport.tools(), Duration.ofMinutes(2));
            result = new Differential(dir, module, v8, worker, reproducer.budget, new Statistics(), List.of(reproducer.mode))
                            .run(reproducer.mode, reproducer.kind);
        }
        if (reproducer.openDefect != null && result.verdict() == reproducer.openDefect.verdict()) {
            String note = "OPEN DEFECT, still reproduces: " + reproducer + " (" + reproducer.mode + "/" + reproducer.kind.text() + "): "
                            + reproducer.openDefect.description();
            System.out.println(note);
            Assumptions.abort(note);
        }
        assertEquals(Verdict.AGREE, result.verdict(), result.explanation());
    }
}
