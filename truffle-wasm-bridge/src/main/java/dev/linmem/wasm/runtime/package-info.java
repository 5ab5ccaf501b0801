/**
 * Runtime objects of instantiated modules: {@link dev.linmem.wasm.runtime.ModuleInstance} with its
 * index spaces, function/table/global instances, the canonical function-type ids call_indirect
 * compares, the internal value representation ({@link dev.linmem.wasm.runtime.Values}) and traps.
 * Memories are the memory library's {@code LinearMemory} objects, used as they are.
 */
package dev.linmem.wasm.runtime;
