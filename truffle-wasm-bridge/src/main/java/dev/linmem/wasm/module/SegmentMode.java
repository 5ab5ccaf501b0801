package dev.linmem.wasm.module;

/** How an element or data segment is used at instantiation. */
public enum SegmentMode {
    /** Copied into a table or memory at instantiation, then dropped. */
    ACTIVE,
    /** Kept for {@code table.init}/{@code memory.init} until dropped. */
    PASSIVE,
    /** Element segments only: declares function references for {@code ref.func}; dropped at once. */
    DECLARATIVE
}
