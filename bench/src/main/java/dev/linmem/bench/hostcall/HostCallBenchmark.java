package dev.linmem.bench.hostcall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.linmem.bench.OptimizingRuntime;
import dev.linmem.wasm.Imports;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.module.ValType;

/**
 * One call from compiled wasm code to an imported function ({@code kernels/hostcall.wat}: a loop
 * of {@value #CALLS} calls of {@code env.inc}), by what the import is: a linmem host function (Java
 * code behind a boundary), a wasm function of another linmem instance (the baseline: a direct call
 * the compiler inlines completely), and the same two on GraalWasm 25.0.2 (a {@code ProxyExecutable}
 * import through its polyglot API, and another instance's export). Scores are ns per call. Every
 * measured loop checks its result, so a host function that was not called fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HostCallBenchmark {
    static final int CALLS = 10_000;

    /** What env.inc is. */
    @Param({"LINMEM_HOST_FUNCTION", "LINMEM_WASM_FUNCTION", "GRAALWASM_HOST_FUNCTION", "GRAALWASM_WASM_FUNCTION"})
    public String callee;

    private WasmEngine linmem;
    private WasmInstance linmemInstance;
    private Context graalWasm;
    private Value graalWasmLoop;

    @Setup
    public void setUp() {
        OptimizingRuntime.require();
        byte[] loop = kernel("hostcall.wasm");
        byte[] inc = kernel("hostcall-callee.wasm");
        switch (callee) {
            case "LINMEM_HOST_FUNCTION", "LINMEM_WASM_FUNCTION" -> {
                linmem = WasmEngine.create();
                Imports imports = new Imports();
                if (callee.equals("LINMEM_HOST_FUNCTION")) {
                    imports.function("env", "inc", HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> (Integer) args[0] + 1));
                } else {
                    imports.instance("env", linmem.instantiate(linmem.decode(inc, "callee")));
                }
                linmemInstance = linmem.instantiate(linmem.decode(loop, "hostcall"), imports);
            }
            case "GRAALWASM_HOST_FUNCTION", "GRAALWASM_WASM_FUNCTION" -> {
                graalWasm = Context.newBuilder("wasm").allowExperimentalOptions(true).build();
                Object incImport;
                if (callee.equals("GRAALWASM_HOST_FUNCTION")) {
                    incImport = (ProxyExecutable) args -> args[0].asInt() + 1;
                } else {
                    incImport = graalWasm.eval(source(inc, "callee")).newInstance().getMember("exports").getMember("inc");
                }
                Object imports = ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("inc", incImport))));
                graalWasmLoop = graalWasm.eval(source(loop, "hostcall")).newInstance(imports).getMember("exports").getMember("loop");
            }
            default -> throw new IllegalArgumentException(callee);
        }
        call();
    }

    private static Source source(byte[] bytes, String name) {
        return Source.newBuilder("wasm", ByteSequence.create(bytes), name).buildLiteral();
    }

    private static byte[] kernel(String name) {
        try (InputStream in = HostCallBenchmark.class.getResourceAsStream("/kernels/" + name)) {
            if (in == null) {
                throw new IllegalStateException("kernels/" + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int call() {
        int result = linmemInstance != null ? (Integer) linmemInstance.invoke("loop", CALLS)[0] : graalWasmLoop.execute(CALLS).asInt();
        if (result != CALLS) {
            throw new IllegalStateException(callee + ": the loop returned " + result + ", not " + CALLS);
        }
        return result;
    }

    @TearDown
    public void tearDown() {
        if (linmem != null) {
            linmem.close();
        }
        if (graalWasm != null) {
            graalWasm.close();
        }
    }
}
