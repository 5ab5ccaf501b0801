/**
 * Instantiation: import resolution against an {@link dev.linmem.wasm.link.ImportSource} with the
 * spec's subtyping checks, binding host functions to their importer
 * ({@link dev.linmem.wasm.link.ImportResolver}), constant expressions, creation of the module's
 * own functions, globals, tables and memories, segment initialization and the start function
 * ({@link dev.linmem.wasm.link.Instantiator}), host modules as an import source, and the
 * {@code spectest} host module.
 *
 * <p>What it needs of the polyglot context comes through {@link dev.linmem.wasm.link.LinkContext},
 * which the language implements: this package depends on the runtime and the host package, not on
 * the language.
 */
package dev.linmem.wasm.link;
