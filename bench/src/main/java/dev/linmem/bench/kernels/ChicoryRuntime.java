package dev.linmem.bench.kernels;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance.Builder;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/** Chicory 1.7.5: its interpreter, or its compiler to JVM bytecode (run by HotSpot's own JIT). */
final class ChicoryRuntime implements WasmRuntime {
    private final WasmModule module;
    /** Compiled once per module, so instantiation in the benchmarks does not recompile. */
    private final Function<com.dylibso.chicory.runtime.Instance, Machine> compiled;

    ChicoryRuntime(byte[] wasm, boolean compile) {
        module = Parser.parse(wasm);
        compiled = compile ? MachineFactoryCompiler.compile(module) : null;
    }

    @Override
    public Instance instantiate() {
        Builder builder = com.dylibso.chicory.runtime.Instance.builder(module);
        if (compiled != null) {
            builder.withMachineFactory(compiled);
        }
        com.dylibso.chicory.runtime.Instance instance = builder.build();
        return new Instance() {
            @Override
            public long call(String export, int argument) {
                return instance.export(export).apply(argument)[0];
            }

            @Override
            public void close() {
                // Chicory's memory is a Java heap buffer: the GC frees it
            }
        };
    }

    @Override
    public void close() {
    }
}
