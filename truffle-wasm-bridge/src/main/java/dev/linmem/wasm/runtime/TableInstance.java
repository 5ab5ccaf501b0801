package dev.linmem.wasm.runtime;

import java.util.Arrays;
import java.util.OptionalLong;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.linmem.wasm.module.ValType;

/**
 * A table instance: a growable array of references (a {@link FunctionInstance} or null for funcref,
 * any host object or null for externref). Sizes are element counts, at most 2^32 - 1 by the spec,
 * but bounded by Java arrays here ({@link #MAX_ELEMENTS}) and by the heap: a grow past either
 * fails (returns -1) like any refused grow, and a table whose initial size cannot be had is an
 * {@link AllocationException}, never an {@code OutOfMemoryError} that would escape to the host.
 */
public final class TableInstance {
    /** The most elements a table holds: what a Java array can. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** A table's initial elements cannot be allocated: more than {@link #MAX_ELEMENTS}, or more than the heap has room for. */
    public static final class AllocationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AllocationException(String message) {
            super(message);
        }
    }

    private final ValType elementType;
    /** The type's maximum in elements (unsigned), empty when it declares none. */
    private final OptionalLong declaredMaximum;
    /** A table64 (memory64 proposal): indices and sizes are i64 values. */
    private final boolean is64;
    private Object[] elements;

    /** @throws AllocationException when {@code initialSize} (unsigned) elements cannot be allocated */
    public TableInstance(ValType elementType, long initialSize, OptionalLong declaredMaximum, boolean is64, Object initialValue) {
        this.elementType = elementType;
        this.declaredMaximum = declaredMaximum;
        this.is64 = is64;
        this.elements = allocate(initialSize);
        Arrays.fill(elements, initialValue);
    }

    private static Object[] allocate(long size) {
        if (size < 0 || size > MAX_ELEMENTS) {
            throw new AllocationException("a table of " + Long.toUnsignedString(size) + " elements is larger than the " + MAX_ELEMENTS
                            + " a table can hold here");
        }
        try {
            return new Object[(int) size];
        } catch (OutOfMemoryError e) {
            throw new AllocationException("the heap has no room for a table of " + size + " elements");
        }
    }

    public ValType elementType() {
        return elementType;
    }

    /** The type's maximum in elements (unsigned), empty when it declares none. */
    public OptionalLong declaredMaximum() {
        return declaredMaximum;
    }

    /** The most elements the table may grow to, unsigned: the declared maximum, else all its index type can count. */
    private long growthLimit() {
        return declaredMaximum.orElse(is64 ? -1L : 0xFFFF_FFFFL);
    }

    public boolean is64() {
        return is64;
    }

    public int size() {
        return elements.length;
    }

    /**
     * True when {@code [start, start + length)} lies within the table. Arguments are unsigned
     * (i32 zero-extended, or i64 where a negative long means at least 2^63), so negative is too far.
     */
    public boolean inBounds(long start, long length) {
        return start >= 0 && length >= 0 && start <= elements.length && length <= elements.length - start;
    }

    public Object get(int index) {
        return elements[index];
    }

    public void set(int index, Object value) {
        elements[index] = value;
    }

    /** Returns the old size, or -1 when the table cannot grow by {@code delta} (unsigned). */
    @TruffleBoundary
    public int grow(long delta, Object initialValue) {
        int oldSize = elements.length;
        long newSize = oldSize + delta;
        // delta < 0 is an unsigned value of 2^63 or more: never satisfiable.
        if (delta < 0 || Long.compareUnsigned(newSize, growthLimit()) > 0 || newSize > MAX_ELEMENTS) {
            return -1;
        }
        Object[] grown;
        try {
            grown = Arrays.copyOf(elements, (int) newSize);
        } catch (OutOfMemoryError e) {
            return -1; // the heap cannot hold it: a grow that fails, as the spec allows
        }
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
