/**
 * Instantiation: import resolution with the spec's subtyping checks
 * ({@link dev.linmem.wasm.link.ImportResolver}), constant expressions, creation of the module's
 * own functions, globals, tables and memories, segment initialization and the start function
 * ({@link dev.linmem.wasm.link.Instantiator}), and the built-in {@code spectest} host module.
 */
package dev.linmem.wasm.link;
