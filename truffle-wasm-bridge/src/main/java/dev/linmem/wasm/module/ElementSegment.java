package dev.linmem.wasm.module;

import java.util.List;

/**
 * An element segment.
 *
 * <p>Items come in one of two encodings; exactly one of {@code functionIndices} and
 * {@code expressions} is non-null: the index form (function indices; element type funcref) or
 * the expression form (one constant expression per item, of type {@code elementType}).
 *
 * @param mode active, passive or declarative
 * @param tableIndex the table an active segment initializes (0 otherwise)
 * @param offset the offset (in elements) of an active segment, null otherwise
 * @param elementType funcref or externref
 * @param functionIndices the items in index form, or null
 * @param expressions the items in expression form, or null
 */
public record ElementSegment(SegmentMode mode, int tableIndex, ConstExpr offset, ValType elementType, int[] functionIndices,
                List<ConstExpr> expressions) {

    /** The number of items. */
    public int size() {
        return functionIndices != null ? functionIndices.length : expressions.size();
    }
}
