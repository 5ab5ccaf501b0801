package dev.linmem.wasm.runtime;

import java.util.Arrays;
import java.util.OptionalLong;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.linmem.wasm.module.ValType;

/**
 * A table instance: a growable array of references (a {@link FunctionInstance} or null for funcref,
 * any host object or null for externref). Sizes are element counts, at most 2^32 - 1 by the spec,
 * but bounded by Java arrays here; a grow past that fails (returns -1) like any refused grow.
 */
public final class TableInstance {
    private final ValType elementType;
    /** The type's maximum in elements (unsigned), empty when it declares none. */
    private final OptionalLong declaredMaximum;
    /** A table64 (memory64 proposal): indices and sizes are i64 values. */
    private final boolean is64;
    private Object[] elements;

    public TableInstance(ValType elementType, long initialSize, OptionalLong declaredMaximum, boolean is64, Object initialValue) {
        this.elementType = elementType;
        this.declaredMaximum = declaredMaximum;
        this.is64 = is64;
        this.elements = new Object[Math.toIntExact(initialSize)];
        Arrays.fill(elements, initialValue);
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
        if (delta < 0 || Long.compareUnsigned(newSize, growthLimit()) > 0 || newSize > Integer.MAX_VALUE - 8) {
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
