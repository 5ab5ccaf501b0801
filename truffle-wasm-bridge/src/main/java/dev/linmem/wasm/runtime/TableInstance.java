package dev.linmem.wasm.runtime;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.linmem.wasm.module.ValType;

/**
 * A table instance: a growable array of references (a {@link FunctionInstance} or null for funcref,
 * any host object or null for externref). Sizes are element counts, at most 2^32 - 1 by the spec,
 * but bounded by Java arrays here; a grow past that fails (returns -1) like any refused grow.
 */
public final class TableInstance {
    /** Unsigned 32-bit element counts: the spec's implicit maximum for tables without one. */
    public static final long IMPLICIT_MAXIMUM = 0xFFFF_FFFFL;

    private final ValType elementType;
    /** In elements; {@link #IMPLICIT_MAXIMUM} when the type declares none. */
    private final long maximumSize;
    private Object[] elements;

    public TableInstance(ValType elementType, long initialSize, long maximumSize, Object initialValue) {
        this.elementType = elementType;
        this.maximumSize = maximumSize;
        this.elements = new Object[Math.toIntExact(initialSize)];
        Arrays.fill(elements, initialValue);
    }

    public ValType elementType() {
        return elementType;
    }

    /** The declared maximum in elements, {@link #IMPLICIT_MAXIMUM} when there is none. */
    public long maximumSize() {
        return maximumSize;
    }

    public int size() {
        return elements.length;
    }

    /** True when {@code [start, start + length)} lies within the table; arguments are unsigned i32 values. */
    public boolean inBounds(long start, long length) {
        return start + length <= elements.length;
    }

    public Object get(int index) {
        return elements[index];
    }

    public void set(int index, Object value) {
        elements[index] = value;
    }

    /** Returns the old size, or -1 when the table cannot grow by {@code delta} (an unsigned i32). */
    @TruffleBoundary
    public int grow(long delta, Object initialValue) {
        int oldSize = elements.length;
        long newSize = oldSize + delta;
        if (newSize > maximumSize || newSize > Integer.MAX_VALUE - 8) {
            return -1;
        }
        Object[] grown = Arrays.copyOf(elements, (int) newSize);
        Arrays.fill(grown, oldSize, (int) newSize, initialValue);
        elements = grown;
        return oldSize;
    }

    @TruffleBoundary
    public void fill(int start, int length, Object value) {
        Arrays.fill(elements, start, start + length, value);
    }

    /** memmove semantics: System.arraycopy copies overlapping ranges as if through a buffer. */
    @TruffleBoundary
    public static void copy(TableInstance dst, int dstIndex, TableInstance src, int srcIndex, int length) {
        System.arraycopy(src.elements, srcIndex, dst.elements, dstIndex, length);
    }

    @TruffleBoundary
    public void init(int dstIndex, Object[] segment, int srcIndex, int length) {
        System.arraycopy(segment, srcIndex, elements, dstIndex, length);
    }
}
