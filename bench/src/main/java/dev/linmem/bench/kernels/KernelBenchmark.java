package dev.linmem.bench.kernels;

import dev.linmem.bench.OptimizingRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Item 2: real wasm kernels on linmem (each memory kind), GraalWasm and Chicory. Setup checks the
 * engine's result against V8's before any time counts, and every measured call checks it again
 * (a cheap compare that also keeps the result alive). Scores are ms per kernel call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KernelBenchmark {
    @Param({"FILL_SUM_I32", "HASH_BYTES", "SUM_I64", "SORT", "CRC32", "COPY_BLOCKS", "FILL_BLOCKS", "GROW_PAGES"})
    public String kernel;

    @Param({"LINMEM_STATIC_HEAP", "LINMEM_STATIC_NATIVE", "LINMEM_DYNAMIC_HEAP", "LINMEM_DYNAMIC_NATIVE", "GRAALWASM", "CHICORY_INTERPRETER", "CHICORY_COMPILER"})
    public String engine;

    private Kernel k;
    private WasmRuntime runtime;
    private WasmRuntime.Instance instance;
    private int argument;
    private long expected;

    @Setup
    public void setUp() {
        OptimizingRuntime.require();
        k = Kernel.valueOf(kernel);
        runtime = Engine.valueOf(engine).load(k.wasm(), k.wasmFile());
        argument = k.argument();
        expected = k.expected();
        if (!k.freshInstancePerCall()) {
            instance = runtime.instantiate();
            instance.call("init", 42);
        }
        check(run());
    }

    @Benchmark
    public long run() {
        long result;
        if (k.freshInstancePerCall()) {
            try (WasmRuntime.Instance fresh = runtime.instantiate()) {
                result = fresh.call(k.export, argument);
            }
        } else {
            result = instance.call(k.export, argument);
        }
        return check(result);
    }

    private long check(long raw) {
        long result = k.normalize(raw);
        if (result != expected) {
            throw new IllegalStateException(engine + " computed " + result + " for " + kernel + ", V8 computed " + expected);
        }
        return result;
    }

    @TearDown
    public void tearDown() {
        if (instance != null) {
            instance.close();
        }
        runtime.close();
    }
}
