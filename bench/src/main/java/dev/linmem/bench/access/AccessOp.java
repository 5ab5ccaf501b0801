package dev.linmem.bench.access;

/**
 * The access patterns measured against hand-written Java. Sequential patterns walk
 * {@link AccessLoopRoot#ACCESSES} consecutive words; random ones draw word-aligned addresses from
 * an LCG over the whole {@link AccessLoopRoot#REGION_BYTES}; the constant-address pattern
 * increments one word in memory.
 */
public enum AccessOp {
    SEQ_LOAD_I32,
    SEQ_STORE_I32,
    SEQ_LOAD_I64,
    SEQ_STORE_I64,
    RAND_LOAD_I32,
    RAND_STORE_I32,
    RAND_LOAD_I64,
    RAND_STORE_I64,
    CONST_ADDRESS
}
