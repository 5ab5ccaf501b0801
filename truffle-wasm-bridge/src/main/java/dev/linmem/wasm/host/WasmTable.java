package dev.linmem.wasm.host;

import java.util.Objects;
import java.util.OptionalLong;

import com.oracle.truffle.api.interop.TruffleObject;

import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.Values;

/**
 * A table of references that the host makes and gives to modules as an import, or gets from an
 * instance's exports; importing instances share it. Elements of a {@code funcref} table are
 * functions (as the embedding API returns them) or null; those of an {@code externref} table any
 * object or null. Sizes are element counts.
 *
 * <pre>{@code
 * WasmTable table = WasmTable.create(ValType.FUNCREF, 4, OptionalLong.empty());
 * engine.instantiate(module, new Imports().table("env", "table", table));
 * Object first = table.get(0);
 * }</pre>
 */
public final class WasmTable implements TruffleObject {
    private final TableInstance table;

    private WasmTable(TableInstance table) {
        this.table = table;
    }

    /**
     * A table of {@code elementType} (FUNCREF or EXTERNREF) with {@code initialSize} null elements,
     * that may grow up to {@code maximumSize} elements (empty: as far as an i32 index reaches).
     */
    public static WasmTable create(ValType elementType, int initialSize, OptionalLong maximumSize) {
        if (!elementType.isReference()) {
            throw new IllegalArgumentException("a table holds references, not " + elementType.text());
        }
        if (initialSize < 0 || maximumSize.isPresent() && (maximumSize.getAsLong() < initialSize || maximumSize.getAsLong() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("table size " + initialSize + " with maximum " + maximumSize + " is out of range");
        }
        return new WasmTable(new TableInstance(elementType, initialSize, maximumSize, false, null));
    }

    /** Called by the engine to hand an instance's table to the host; embedders do not call it. */
    public static WasmTable of(TableInstance table) {
        return new WasmTable(Objects.requireNonNull(table));
    }

    /** The engine's table behind this handle (what an importing instance shares). */
    public TableInstance runtimeTable() {
        return table;
    }

    public ValType elementType() {
        return table.elementType();
    }

    /** The current size in elements. */
    public int size() {
        return table.size();
    }

    /** The maximum size in elements the table's type declares, if any. */
    public OptionalLong maximumSize() {
        return table.declaredMaximum();
    }

    /** The element at {@code index}; IndexOutOfBoundsException past the size. */
    public Object get(int index) {
        Objects.checkIndex(index, table.size());
        return table.get(index);
    }

    /** Sets the element at {@code index}; IllegalArgumentException when the value does not fit the element type. */
    public void set(int index, Object value) {
        Objects.checkIndex(index, table.size());
        table.set(index, Values.toInternal(table.elementType(), value));
    }

    /** Grows by {@code delta} elements set to {@code value}; returns the old size, or -1 when it cannot grow (as {@code table.grow}). */
    public int grow(int delta, Object value) {
        if (delta < 0) {
            throw new IllegalArgumentException("negative delta " + delta);
        }
        return table.grow(delta, Values.toInternal(table.elementType(), value));
    }

    /** Two handles are equal when they stand for the same table. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WasmTable t && t.table == table;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(table);
    }

    @Override
    public String toString() {
        return "table " + table.elementType().text() + "[" + table.size() + "]";
    }
}
