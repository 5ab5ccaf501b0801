package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.linmem.memory.LinearMemory;

/**
 * The 0xFE-prefixed instructions of the threads proposal: atomic loads, stores, read-modify-write,
 * compare-exchange, wait, notify and fence. Decodes the immediates (constants in compiled code)
 * and hands the access to {@link AtomicMemoryAccess}.
 */
final class AtomicInstructions {
    private AtomicInstructions() {
    }

    /** Access widths in bytes of the seven variants of each load/store/rmw group: i32, i64, i32_8u, i32_16u, i64_8u, i64_16u, i64_32u. */
    private static final int[] GROUP_WIDTH = {4, 8, 1, 2, 1, 2, 4};

    static int execute(VirtualFrame frame, byte[] code, int pc, int sp, LinearMemory[] memories, boolean[] memoryIs64, Node site) {
        int p = pc + 1;
        int sub = Bytecode.readU32(code, p);
        p += Bytecode.lebLength(code, p);
        if (sub == 0x03) { // atomic.fence: every atomic already synchronizes on its memory
            java.lang.invoke.VarHandle.fullFence();
            return sp;
        }
        int flags = Bytecode.readU32(code, p);
        p += Bytecode.lebLength(code, p);
        int memoryIndex = 0;
        if ((flags & 0x40) != 0) {
            memoryIndex = Bytecode.readU32(code, p);
            p += Bytecode.lebLength(code, p);
        }
        long offset = Bytecode.readUnsigned(code, p);
        LinearMemory memory = memories[memoryIndex];
        boolean is64 = memoryIs64[memoryIndex];
        switch (sub) {
            case 0x00: { // memory.atomic.notify: address, count -> woken
                long address = address(frame, sp - 2, is64);
                long count = Integer.toUnsignedLong((int) frame.getLongStatic(sp - 1));
                frame.setLongStatic(sp - 2, AtomicMemoryAccess.notify(memory, address, offset, count, site));
                return sp - 1;
            }
            case 0x01, 0x02: { // memory.atomic.wait32/64: address, expected, timeout (i64 ns) -> 0 | 1 | 2
                long address = address(frame, sp - 3, is64);
                long expected = frame.getLongStatic(sp - 2);
                long timeout = frame.getLongStatic(sp - 1);
                int width = sub == 0x01 ? 4 : 8;
                frame.setLongStatic(sp - 3, AtomicMemoryAccess.await(memory, address, offset, width, expected, timeout, site));
                return sp - 2;
            }
            default:
                break;
        }
        if (sub >= 0x10 && sub <= 0x16) { // loads: address -> value (zero-extended)
            int width = GROUP_WIDTH[sub - 0x10];
            frame.setLongStatic(sp - 1, AtomicMemoryAccess.load(memory, address(frame, sp - 1, is64), offset, width, site));
            return sp;
        }
        if (sub >= 0x17 && sub <= 0x1D) { // stores: address, value ->
            int width = GROUP_WIDTH[sub - 0x17];
            AtomicMemoryAccess.store(memory, address(frame, sp - 2, is64), offset, width, frame.getLongStatic(sp - 1), site);
            return sp - 2;
        }
        if (sub >= 0x1E && sub <= 0x47) { // rmw add/sub/and/or/xor/xchg: address, operand -> old
            int operation = (sub - 0x1E) / 7;
            int width = GROUP_WIDTH[(sub - 0x1E) % 7];
            long old = AtomicMemoryAccess.readModifyWrite(memory, address(frame, sp - 2, is64), offset, width, operation, frame.getLongStatic(sp - 1), site);
            frame.setLongStatic(sp - 2, old);
            return sp - 1;
        }
        if (sub >= 0x48 && sub <= 0x4E) { // cmpxchg: address, expected, replacement -> old
            int width = GROUP_WIDTH[sub - 0x48];
            long old = AtomicMemoryAccess.compareExchange(memory, address(frame, sp - 3, is64), offset, width, frame.getLongStatic(sp - 2),
                            frame.getLongStatic(sp - 1), site);
            frame.setLongStatic(sp - 3, old);
            return sp - 2;
        }
        throw NumericInstructions.unknownOpcode(0xFE00 | sub);
    }

    private static long address(VirtualFrame frame, int slot, boolean is64) {
        long bits = frame.getLongStatic(slot);
        return is64 ? bits : Integer.toUnsignedLong((int) bits);
    }
}
