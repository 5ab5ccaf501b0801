package dev.linmem.wasm.module;

import java.util.OptionalLong;

/**
 * The type of a table.
 *
 * @param elementType {@link ValType#FUNCREF} or {@link ValType#EXTERNREF}
 * @param minimumSize the initial number of elements
 * @param maximumSize the maximum number of elements, empty when unbounded (at most 2^32-1 for a
 *            32-bit table; any u64 for a 64-bit one, negative longs meaning values above 2^63-1)
 * @param is64 true for a memory64-proposal table64 (element indices are i64), false for i32 indices
 */
public record TableType(ValType elementType, long minimumSize, OptionalLong maximumSize, boolean is64) {

    /** A 32-bit table. */
    public TableType(ValType elementType, long minimumSize, OptionalLong maximumSize) {
        this(elementType, minimumSize, maximumSize, false);
    }

    /** The type of element indices: {@link ValType#I64} for table64, else {@link ValType#I32}. */
    public ValType addressType() {
        return is64 ? ValType.I64 : ValType.I32;
    }
}
