package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.WasmTrap;

/**
 * The table instructions. Indices and lengths are read as unsigned values of the table's index
 * type (i32, or i64 for a table64); every bulk operation checks its whole range before changing
 * an element, as the spec requires.
 */
final class TableInstructions {
    private TableInstructions() {
    }

    private static long unsigned(VirtualFrame frame, int slot) {
        return Integer.toUnsignedLong(frame.getIntStatic(slot));
    }

    /** An index or length operand of {@code table}'s index type, unsigned. */
    static long index(VirtualFrame frame, int slot, TableInstance table) {
        return table.is64() ? frame.getLongStatic(slot) : unsigned(frame, slot);
    }

    /** Pushes a size or -1 of {@code table}'s index type: an i64 (long slot) for a table64, else an i32 (int slot). */
    static void pushIndex(VirtualFrame frame, int slot, TableInstance table, long value) {
        if (table.is64()) {
            frame.setLongStatic(slot, value);
        } else {
            frame.setIntStatic(slot, (int) value);
        }
    }

    /** table.get: index -> ref. */
    static void get(VirtualFrame frame, TableInstance table, int sp, Node site) {
        long index = index(frame, sp - 1, table);
        if (!table.inBounds(index, 1)) {
            throw outOfBounds(site);
        }
        frame.setObjectStatic(sp - 1, table.get((int) index));
    }

    /** table.set: index, ref ->. */
    static void set(VirtualFrame frame, TableInstance table, int sp, Node site) {
        long index = index(frame, sp - 2, table);
        if (!table.inBounds(index, 1)) {
            throw outOfBounds(site);
        }
        table.set((int) index, frame.getObjectStatic(sp - 1));
    }

    /** table.grow: init ref, delta -> old size or -1. */
    static void grow(VirtualFrame frame, TableInstance table, int sp) {
        Object init = frame.getObjectStatic(sp - 2);
        long delta = index(frame, sp - 1, table);
        pushIndex(frame, sp - 2, table, table.grow(delta, init));
    }

    /** table.fill: start, ref, length ->. */
    static void fill(VirtualFrame frame, TableInstance table, int sp, Node site) {
        long start = index(frame, sp - 3, table);
        Object value = frame.getObjectStatic(sp - 2);
        long length = index(frame, sp - 1, table);
        if (!table.inBounds(start, length)) {
            throw outOfBounds(site);
        }
        table.fill((int) start, (int) length, value);
    }

    /** table.copy: dst, src, length ->; the length is i64 only when both tables are table64. */
    static void copy(VirtualFrame frame, TableInstance dst, TableInstance src, int sp, Node site) {
        long dstIndex = index(frame, sp - 3, dst);
        long srcIndex = index(frame, sp - 2, src);
        long length = dst.is64() && src.is64() ? frame.getLongStatic(sp - 1) : unsigned(frame, sp - 1);
        if (!dst.inBounds(dstIndex, length) || !src.inBounds(srcIndex, length)) {
            throw outOfBounds(site);
        }
        TableInstance.copy(dst, (int) dstIndex, src, (int) srcIndex, (int) length);
    }

    /** table.init: dst (table index type), src offset in the segment, length (i32) ->. A dropped segment has length 0. */
    static void init(VirtualFrame frame, ModuleInstance instance, int segmentIndex, TableInstance table, int sp, Node site) {
        long dstIndex = index(frame, sp - 3, table);
        long srcIndex = unsigned(frame, sp - 2);
        long length = unsigned(frame, sp - 1);
        Object[] segment = instance.elementSegment(segmentIndex);
        if (srcIndex + length > segment.length || !table.inBounds(dstIndex, length)) { // i32 operands: the sum cannot overflow
            throw outOfBounds(site);
        }
        table.init((int) dstIndex, segment, (int) srcIndex, (int) length);
    }

    static WasmTrap outOfBounds(Node site) {
        return WasmTrap.create("out of bounds table access", site);
    }
}
