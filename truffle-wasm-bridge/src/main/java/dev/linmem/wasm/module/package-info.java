/**
 * The decoded, validated form of a WebAssembly module, as the engine instantiates and interprets it.
 *
 * <p>{@link dev.linmem.wasm.module.WasmModule} keeps the original bytes: function bodies are not
 * copied or re-encoded, the interpreter reads opcodes and immediates from the binary at offsets
 * ("pc") that {@link dev.linmem.wasm.module.WasmFunction} gives, with a side table that tells every
 * branch where to go and how many values to carry. Index spaces list imports before definitions.
 * Constant expressions are kept decoded ({@link dev.linmem.wasm.module.ConstExpr}) because they may
 * read imported globals, whose values are only known at instantiation.
 *
 * <p>Units: memory sizes are in pages of {@link dev.linmem.wasm.module.MemoryLimits#pageSizeBytes()}
 * bytes, table sizes in elements, offsets into the binary in bytes.
 */
package dev.linmem.wasm.module;
