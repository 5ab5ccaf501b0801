package dev.linmem.fuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.linmem.fuzz.FuzzTestSupport;
import dev.linmem.fuzz.linmem.ExecutionMode;
import dev.linmem.fuzz.linmem.MemoryKind;
import dev.linmem.fuzz.v8.V8Runner;
import dev.linmem.fuzz.worker.Request;
import dev.linmem.fuzz.worker.Response;
import dev.linmem.fuzz.worker.Worker;

/**
 * Reduced modules the fuzzer found, each run again in the configuration that failed (in a worker
 * JVM, so a crash is a verdict). A reproducer of a valid module must agree with V8; one from a
 * malformed-module run must end cleanly. One whose defect is still open
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
         * the JVM died with SIGSEGV, instead of trapping. Static memories and the interpreter trapped.
         * Fixed in truffle-memory: bounds checks branch to a throwing boundary instead of deoptimizing.
         */
        COMPILED_LOAD_BEFORE_ITS_BOUNDS_CHECK("compiled-load-before-bounds-check", ExecutionMode.WARM, MemoryKind.DYNAMIC_HEAP,
                        Duration.ofMinutes(2), null),
        /**
         * Found by a malformed-module run (a bit flip made a function call itself): unbounded
         * recursion, compiled before its first call. V8 and the interpreter report stack
         * exhaustion at once; compiled, linmem neither exhausted within the budget nor stopped when
         * the context was cancelled. Fixed by the guest call depth limit.
         */
        COMPILED_RECURSION_NEITHER_EXHAUSTS_NOR_STOPS("compiled-recursion-unbounded", ExecutionMode.COMPILED, MemoryKind.STATIC_HEAP,
                        Duration.ofSeconds(10), null);

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

    /** Modules found by malformed-module runs: linmem alone must end them cleanly (in a 1 GB worker). */
    enum RobustnessReproducer {
        /** A table section damaged into a valid table of 4 GB of references: a resource error, not an OutOfMemoryError. */
        TABLE_LARGER_THAN_THE_HEAP("table-larger-than-the-heap", "exhausted");

        final String file;
        /** The instantiation outcome a clean run gives. */
        final String instantiation;

        RobustnessReproducer(String file, String instantiation) {
            this.file = file;
            this.instantiation = instantiation;
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(RobustnessReproducer.class)
    void endsCleanly(RobustnessReproducer reproducer) throws IOException {
        Path module = dir.resolve("module.wasm");
        Files.write(module, FuzzTestSupport.module("reproducers/" + reproducer.file));
        for (MemoryKind kind : MemoryKind.values()) {
            try (Worker worker = new Worker(dir.resolve("logs"), "1g", 4L << 30)) {
                Request request = new Request(module.toString(), ExecutionMode.INTERPRETED, kind, null, 60_000);
                Worker.Outcome outcome = worker.execute(request, Duration.ofMinutes(2));
                Response response = assertInstanceOf(Worker.Answered.class, outcome, outcome::toString).response();
                assertEquals(null, response.failure(), response.failure());
                assertEquals(reproducer.instantiation, response.transcript().instantiate(), response.transcript().detail());
            }
        }
    }

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

    /**
     * Found by seed 100092 of the long compiled run: binaryen emitted {@code ref.as_non_null} (typed
     * function references) with only reference types enabled; V8 ran it and linmem refused it as an
     * unsupported feature. That is counted apart, never as a discrepancy (the classification had
     * matched an older message text and so called it one).
     */
    @Test
    void aModuleWithAnUnclaimedFeatureIsCountedApart() throws IOException {
        Path module = dir.resolve("module.wasm");
        Files.write(module, FuzzTestSupport.module("reproducers/unclaimed-ref-as-non-null"));
        Differential.Result result;
        try (Worker worker = new Worker(dir.resolve("logs"), "1g", 4L << 30)) {
            V8Runner v8 = new V8Runner(FuzzTestSupport.tools(), Duration.ofMinutes(2));
            result = new Differential(dir, module, v8, worker, Duration.ofMinutes(1), new Statistics(), List.of(ExecutionMode.COMPILED))
                            .run(ExecutionMode.COMPILED, MemoryKind.STATIC_NATIVE);
        }
        assertEquals(Verdict.UNCLAIMED_FEATURE, result.verdict(), result.explanation());
    }
}
