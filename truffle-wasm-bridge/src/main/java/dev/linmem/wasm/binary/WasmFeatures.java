package dev.linmem.wasm.binary;

/**
 * Which optional features the decoder accepts. {@link #ALL} is what linmem supports: WebAssembly
 * 2.0 without SIMD, plus multi-memory, memory64, extended constant expressions and the threads
 * proposal. Narrower sets exist for test suites written before a feature was merged (the threads
 * proposal's suite expects "multiple memories" and "multiple tables" to be invalid).
 *
 * @param multiMemory more than one memory per module (Wasm 3.0)
 * @param multiTable more than one table per module (reference types, Wasm 2.0)
 */
public record WasmFeatures(boolean multiMemory, boolean multiTable) {

    /** Everything linmem supports. */
    public static final WasmFeatures ALL = new WasmFeatures(true, true);

    /** The feature set of the threads proposal's test suite: one memory and one table at most. */
    public static final WasmFeatures THREADS_PROPOSAL = new WasmFeatures(false, false);
}
