package dev.linmem.memory.nodes;

/**
 * The one bounds check every access and bulk operation uses, written so that partial evaluation
 * folds it: with a constant size, length and offset the first two comparisons are constants and
 * what remains is one unsigned comparison of the dynamic address against a constant.
 */
final class Bounds {
    private Bounds() {
    }

    /**
     * Whether {@code [address + offset, address + offset + length)} lies inside {@code [0, size)}.
     * All of {@code address}, {@code offset} and {@code length} are read as unsigned 64-bit values
     * (wasm's i64 operands); {@code size} is a memory's byte size, never negative.
     *
     * <p>Why nothing can overflow: each subtraction happens only after a comparison proved its
     * result non-negative ({@code length <= size}, then {@code offset <= size - length}), and the
     * last comparison bounds {@code address} by what is left, so {@code address + offset + length
     * <= size} holds exactly when this returns true, with no sum ever computed.
     */
    static boolean inBounds(long address, long offset, long length, long size) {
        return Long.compareUnsigned(length, size) <= 0 &&
                        Long.compareUnsigned(offset, size - length) <= 0 &&
                        Long.compareUnsigned(address, size - length - offset) <= 0;
    }

    /**
     * Whether the access is inside the memory's declared minimum: sizes never shrink while a memory
     * is open, so such an access needs no size at all (the caller holds an assumption that close
     * invalidates).
     */
    static boolean belowMinimum(long address, long offset, long length, long minimumBytes) {
        return inBounds(address, offset, length, minimumBytes);
    }
}
