package dev.linmem.bench.kernels;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/** GraalWasm 25.0.2 through the polyglot API, on the same JVM, class path and Graal compiler as linmem. */
final class GraalWasmRuntime implements WasmRuntime {
    private final Context context;
    private final Value module;

    GraalWasmRuntime(byte[] wasm, String name) {
        // experimental options come from the command line (run.sh sets the same ones for every Truffle engine)
        context = Context.newBuilder("wasm").allowExperimentalOptions(true).build();
        module = context.eval(Source.newBuilder("wasm", ByteSequence.create(wasm), name).buildLiteral());
    }

    @Override
    public Instance instantiate() {
        Value exports = module.newInstance().getMember("exports");
        return new Instance() {
            @Override
            public long call(String export, int argument) {
                return exports.getMember(export).execute(argument).asLong();
            }

            @Override
            public void close() {
                // GraalWasm frees an instance's memory when the instance becomes unreachable
            }
        };
    }

    @Override
    public void close() {
        context.close();
    }
}
