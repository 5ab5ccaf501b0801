package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.WasmTrap;

/**
 * The table instructions. Indices and lengths are i32 values read as unsigned; every bulk
 * operation checks its whole range before changing an element, as the spec requires.
 */
final class TableInstructions {
    private TableInstructions() {
    }

    private static long unsigned(VirtualFrame frame, int slot) {
        return Integer.toUnsignedLong((int) frame.getLongStatic(slot));
    }

    /** table.get: index -> ref. */
    static void get(VirtualFrame frame, TableInstance table, int sp, Node site) {
        long index = unsigned(frame, sp - 1);
        if (index >= table.size()) {
            throw outOfBounds(site);
        }
        frame.setObjectStatic(sp - 1, table.get((int) index));
    }

    /** table.set: index, ref ->. */
    static void set(VirtualFrame frame, TableInstance table, int sp, Node site) {
        long index = unsigned(frame, sp - 2);
        if (index >= table.size()) {
            throw outOfBounds(site);
        }
        table.set((int) index, frame.getObjectStatic(sp - 1));
    }

    /** table.grow: init ref, delta -> old size or -1. */
    static void grow(VirtualFrame frame, TableInstance table, int sp) {
        Object init = frame.getObjectStatic(sp - 2);
        long delta = unsigned(frame, sp - 1);
        frame.setLongStatic(sp - 2, table.grow(delta, init));
    }

    /** table.fill: start, ref, length ->. */
    static void fill(VirtualFrame frame, TableInstance table, int sp, Node site) {
        long start = unsigned(frame, sp - 3);
        Object value = frame.getObjectStatic(sp - 2);
        long length = unsigned(frame, sp - 1);
        if (!table.inBounds(start, length)) {
            throw outOfBounds(site);
        }
        table.fill((int) start, (int) length, value);
    }

    /** table.copy: dst, src, length ->. */
    static void copy(VirtualFrame frame, TableInstance dst, TableInstance src, int sp, Node site) {
        long dstIndex = unsigned(frame, sp - 3);
        long srcIndex = unsigned(frame, sp - 2);
        long length = unsigned(frame, sp - 1);
        if (!dst.inBounds(dstIndex, length) || !src.inBounds(srcIndex, length)) {
            throw outOfBounds(site);
        }
        TableInstance.copy(dst, (int) dstIndex, src, (int) srcIndex, (int) length);
    }

    /** table.init: dst, src offset in the segment, length ->. A dropped segment has length 0. */
    static void init(VirtualFrame frame, ModuleInstance instance, int segmentIndex, TableInstance table, int sp, Node site) {
        long dstIndex = unsigned(frame, sp - 3);
        long srcIndex = unsigned(frame, sp - 2);
        long length = unsigned(frame, sp - 1);
        Object[] segment = instance.elementSegment(segmentIndex);
        if (srcIndex + length > segment.length || !table.inBounds(dstIndex, length)) {
            throw outOfBounds(site);
        }
        table.init((int) dstIndex, segment, (int) srcIndex, (int) length);
    }

    static WasmTrap outOfBounds(Node site) {
        CompilerDirectives.transferToInterpreter();
        return WasmTrap.create("out of bounds table access", site);
    }
}
