package dev.linmem.bench.kernels;

/**
 * A wasm engine under measurement, with one module loaded (decoded, validated and, where the
 * engine compiles ahead, compiled) once, and instantiated as often as a benchmark needs.
 */
public interface WasmRuntime extends AutoCloseable {
    Instance instantiate();

    @Override
    void close();

    /** An instance whose exports take one i32; results come back as the raw i32 or i64 bits in a long. */
    interface Instance extends AutoCloseable {
        long call(String export, int argument);

        @Override
        void close();
    }
}
