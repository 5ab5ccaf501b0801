/**
 * The Truffle language {@code linmem-wasm} and its per-context state (registered instances, the
 * embedder's memory allocator and the memories it made). The embedding API in {@code dev.linmem.wasm}
 * enters a polyglot context of this language and calls into it directly.
 */
package dev.linmem.wasm.language;
