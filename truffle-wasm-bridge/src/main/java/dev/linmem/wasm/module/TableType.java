package dev.linmem.wasm.module;

import java.util.OptionalLong;

/**
 * The type of a table.
 *
 * @param elementType {@link ValType#FUNCREF} or {@link ValType#EXTERNREF}
 * @param minimumSize the initial number of elements
 * @param maximumSize the maximum number of elements, empty when unbounded (at most 2^32-1)
 */
public record TableType(ValType elementType, long minimumSize, OptionalLong maximumSize) {
}
