package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.nodes.MemoryCopyNode;
import dev.linmem.memory.nodes.MemoryFillNode;
import dev.linmem.memory.nodes.MemoryGrowNode;
import dev.linmem.memory.nodes.MemoryInitNode;
import dev.linmem.memory.nodes.MemoryLoadNode;
import dev.linmem.memory.nodes.MemorySizeNode;
import dev.linmem.memory.nodes.MemoryStoreNode;

/**
 * Moves the operands of memory instructions between the operand stack and the memory library's
 * node of the instruction's site. Addresses and lengths are unsigned: i32 operands of a 32-bit
 * memory are zero-extended, i64 operands of a memory64 pass as they are. Each method takes the
 * slot just above the stack top and returns the new one.
 */
final class MemoryInstructions {
    private MemoryInstructions() {
    }

    /** An address or length operand of a memory whose index type is i64 when {@code is64}. */
    static long operand(VirtualFrame frame, int slot, boolean is64) {
        return is64 ? frame.getLongStatic(slot) : Integer.toUnsignedLong(frame.getIntStatic(slot));
    }

    /**
     * Pushes a page count or a -1 of memory.size/grow: an i64 for a memory64, else an i32 (an
     * int slot; the value fits).
     */
    private static void pushIndex(VirtualFrame frame, int slot, boolean is64, long value) {
        if (is64) {
            frame.setLongStatic(slot, value);
        } else {
            frame.setIntStatic(slot, (int) value);
        }
    }

    /** True for the loads whose result is an i32 (i32.load, i32.load8/16_s/u): it goes to an int slot. */
    static boolean loadsI32(int opcode) {
        return opcode == 0x28 || (opcode >= 0x2C && opcode <= 0x2F);
    }

    /** True for the stores whose operand is an i32 (i32.store, i32.store8/16): it comes from an int slot. */
    static boolean storesI32(int opcode) {
        return opcode == 0x36 || opcode == 0x3A || opcode == 0x3B;
    }

    /** The memory index of a memarg: present only when bit 6 of the alignment flags says so. */
    static int memargMemory(byte[] code, int pc) {
        int flags = Bytecode.readU32(code, pc + 1);
        if ((flags & 0x40) == 0) {
            return 0;
        }
        return Bytecode.readU32(code, pc + 1 + Bytecode.lebLength(code, pc + 1));
    }

    /**
     * Loads: address -> value. The node sign- or zero-extends to 64 bits (f32/f64 are raw bits);
     * an i32 result keeps the low half, in an int slot.
     */
    static int load(VirtualFrame frame, MemoryLoadNode node, LinearMemory memory, boolean is64, boolean resultIsI32, int sp) {
        long value = node.execute(memory, operand(frame, sp - 1, is64));
        if (resultIsI32) {
            frame.setIntStatic(sp - 1, (int) value);
        } else {
            frame.setLongStatic(sp - 1, value);
        }
        return sp;
    }

    /** Stores: address, value ->; the node stores the value's low bytes. */
    static int store(VirtualFrame frame, MemoryStoreNode node, LinearMemory memory, boolean is64, boolean valueIsI32, int sp) {
        long value = valueIsI32 ? frame.getIntStatic(sp - 1) : frame.getLongStatic(sp - 1);
        node.execute(memory, operand(frame, sp - 2, is64), value);
        return sp - 2;
    }

    /** memory.size: -> pages. */
    static int size(VirtualFrame frame, MemorySizeNode node, LinearMemory memory, boolean is64, int sp) {
        pushIndex(frame, sp, is64, node.execute(memory));
        return sp + 1;
    }

    /** memory.grow: delta pages -> old pages or -1. */
    static int grow(VirtualFrame frame, MemoryGrowNode node, LinearMemory memory, boolean is64, int sp) {
        pushIndex(frame, sp - 1, is64, node.execute(memory, operand(frame, sp - 1, is64)));
        return sp;
    }

    /** memory.init: dst (memory index type), src offset in the segment (i32), length (i32) ->. */
    static int init(VirtualFrame frame, MemoryInitNode node, LinearMemory memory, boolean is64, byte[] segment, int sp) {
        long dst = operand(frame, sp - 3, is64);
        long src = operand(frame, sp - 2, false);
        long length = operand(frame, sp - 1, false);
        node.execute(memory, segment, dst, src, length);
        return sp - 3;
    }

    /** memory.copy: dst, src (each of its memory's index type), length (i64 only when both memories are 64-bit) ->. */
    static int copy(VirtualFrame frame, MemoryCopyNode node, LinearMemory dstMemory, boolean dst64, LinearMemory srcMemory, boolean src64, int sp) {
        long dst = operand(frame, sp - 3, dst64);
        long src = operand(frame, sp - 2, src64);
        long length = operand(frame, sp - 1, dst64 && src64);
        node.execute(dstMemory, srcMemory, dst, src, length);
        return sp - 3;
    }

    /** memory.fill: dst, byte value (i32), length ->. */
    static int fill(VirtualFrame frame, MemoryFillNode node, LinearMemory memory, boolean is64, int sp) {
        long dst = operand(frame, sp - 3, is64);
        int value = frame.getIntStatic(sp - 2);
        long length = operand(frame, sp - 1, is64);
        node.execute(memory, dst, value, length);
        return sp - 3;
    }
}
