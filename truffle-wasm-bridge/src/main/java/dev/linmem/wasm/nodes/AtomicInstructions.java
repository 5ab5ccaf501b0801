package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.nodes.AtomicCmpxchgNode;
import dev.linmem.memory.nodes.AtomicFence;
import dev.linmem.memory.nodes.AtomicLoadNode;
import dev.linmem.memory.nodes.AtomicNotifyNode;
import dev.linmem.memory.nodes.AtomicOp;
import dev.linmem.memory.nodes.AtomicRmwNode;
import dev.linmem.memory.nodes.AtomicStoreNode;
import dev.linmem.memory.nodes.AtomicWaitNode;

/**
 * The 0xFE-prefixed instructions of the threads proposal: atomic loads, stores, read-modify-write,
 * compare-exchange, wait, notify and fence. Each site has its own node of the memory library
 * (made by {@link #siteNode}); this class moves the operands between the stack and that node.
 */
final class AtomicInstructions {
    private AtomicInstructions() {
    }

    /** Access widths in bytes of the seven variants of each load/store/rmw group: i32, i64, i32_8u, i32_16u, i64_8u, i64_16u, i64_32u. */
    private static final int[] GROUP_WIDTH = {4, 8, 1, 2, 1, 2, 4};
    private static final AtomicOp[] RMW_OPS = {AtomicOp.ADD, AtomicOp.SUB, AtomicOp.AND, AtomicOp.OR, AtomicOp.XOR, AtomicOp.XCHG};

    static int subOpcode(byte[] code, int pc) {
        return Bytecode.readU32(code, pc + 1);
    }

    /** The pc of the memarg after the sub-opcode. */
    private static int memargStart(byte[] code, int pc) {
        return pc + 1 + Bytecode.lebLength(code, pc + 1);
    }

    static int memoryIndex(byte[] code, int pc) {
        int p = memargStart(code, pc);
        int flags = Bytecode.readU32(code, p);
        return (flags & 0x40) == 0 ? 0 : Bytecode.readU32(code, p + Bytecode.lebLength(code, p));
    }

    private static long offset(byte[] code, int pc) {
        int p = memargStart(code, pc);
        int flags = Bytecode.readU32(code, p);
        p += Bytecode.lebLength(code, p);
        if ((flags & 0x40) != 0) {
            p += Bytecode.lebLength(code, p);
        }
        return Bytecode.readUnsigned(code, p);
    }

    /** The library node for the atomic instruction at {@code pc}; null for fence, which needs none. */
    static Node siteNode(byte[] code, int pc) {
        int sub = subOpcode(code, pc);
        if (sub == 0x03) {
            return null;
        }
        long offset = offset(code, pc);
        if (sub == 0x00) {
            return AtomicNotifyNode.create(offset);
        } else if (sub == 0x01 || sub == 0x02) {
            return AtomicWaitNode.create(sub == 0x01 ? 4 : 8, offset);
        } else if (sub >= 0x10 && sub <= 0x16) {
            return AtomicLoadNode.create(GROUP_WIDTH[sub - 0x10], offset);
        } else if (sub >= 0x17 && sub <= 0x1D) {
            return AtomicStoreNode.create(GROUP_WIDTH[sub - 0x17], offset);
        } else if (sub >= 0x1E && sub <= 0x47) {
            return AtomicRmwNode.create(RMW_OPS[(sub - 0x1E) / 7], GROUP_WIDTH[(sub - 0x1E) % 7], offset);
        } else if (sub >= 0x48 && sub <= 0x4E) {
            return AtomicCmpxchgNode.create(GROUP_WIDTH[sub - 0x48], offset);
        }
        throw NumericInstructions.unknownOpcode(0xFE00 | sub);
    }

    /** Executes the atomic instruction at {@code pc} with its site node; returns the new stack top. */
    static int execute(VirtualFrame frame, byte[] code, int pc, int sp, Node site, LinearMemory[] memories, boolean[] memoryIs64) {
        int sub = subOpcode(code, pc);
        if (sub == 0x03) {
            AtomicFence.fence();
            return sp;
        }
        int memoryIndex = memoryIndex(code, pc);
        LinearMemory memory = memories[memoryIndex];
        boolean is64 = memoryIs64[memoryIndex];
        if (sub == 0x00) { // memory.atomic.notify: address, count (i32) -> woken (i32)
            long count = Integer.toUnsignedLong(frame.getIntStatic(sp - 1));
            frame.setIntStatic(sp - 2, (int) ((AtomicNotifyNode) site).execute(memory, address(frame, sp - 2, is64), count));
            return sp - 1;
        } else if (sub == 0x01 || sub == 0x02) { // wait32/64: address, expected (i32/i64), timeout (i64 ns) -> 0 | 1 | 2 (i32)
            int result = ((AtomicWaitNode) site).execute(memory, address(frame, sp - 3, is64), value(frame, sp - 2, sub == 0x01), frame.getLongStatic(sp - 1));
            frame.setIntStatic(sp - 3, result);
            return sp - 2;
        }
        // The value operands and results are i32 or i64 by the variant within the group.
        boolean isI32 = isI32Variant(sub);
        if (sub <= 0x16) { // loads: address -> value, zero-extended
            push(frame, sp - 1, isI32, ((AtomicLoadNode) site).execute(memory, address(frame, sp - 1, is64)));
            return sp;
        } else if (sub <= 0x1D) { // stores: address, value ->
            ((AtomicStoreNode) site).execute(memory, address(frame, sp - 2, is64), value(frame, sp - 1, isI32));
            return sp - 2;
        } else if (sub <= 0x47) { // rmw: address, operand -> old value
            push(frame, sp - 2, isI32, ((AtomicRmwNode) site).execute(memory, address(frame, sp - 2, is64), value(frame, sp - 1, isI32)));
            return sp - 1;
        } else { // cmpxchg: address, expected, replacement -> old value
            long old = ((AtomicCmpxchgNode) site).execute(memory, address(frame, sp - 3, is64), value(frame, sp - 2, isI32), value(frame, sp - 1, isI32));
            push(frame, sp - 3, isI32, old);
            return sp - 2;
        }
    }

    /**
     * True when a load/store/rmw/cmpxchg sub-opcode works on i32 values: the groups start at 0x10,
     * 0x17, 0x1E (six rmw groups) and 0x48, each of seven variants in the order of {@link #GROUP_WIDTH}.
     */
    private static boolean isI32Variant(int sub) {
        int variant = (sub - 0x10) % 7;
        return variant == 0 || variant == 2 || variant == 3;
    }

    /** A value operand: an i32 from an int slot (sign-extended, as the nodes use only its low bytes) or an i64. */
    private static long value(VirtualFrame frame, int slot, boolean isI32) {
        return isI32 ? frame.getIntStatic(slot) : frame.getLongStatic(slot);
    }

    private static void push(VirtualFrame frame, int slot, boolean isI32, long value) {
        if (isI32) {
            frame.setIntStatic(slot, (int) value);
        } else {
            frame.setLongStatic(slot, value);
        }
    }

    private static long address(VirtualFrame frame, int slot, boolean is64) {
        return MemoryInstructions.operand(frame, slot, is64);
    }
}
