package dev.linmem.wasm.nodes;

/**
 * Steps over one instruction of a validated body: used at load time to find the instruction sites
 * that get a child node (memory accesses, calls). Knows the immediates of every opcode the
 * interpreter runs.
 */
final class InstructionWalker {
    private InstructionWalker() {
    }

    /** The pc of the instruction after the one at {@code pc}. */
    static int next(byte[] code, int pc) {
        int opcode = code[pc] & 0xff;
        int p = pc + 1;
        switch (opcode) {
            case 0x02, 0x03, 0x04: // block type: 0x40, a value type byte, or an s33 type index
                return p + Bytecode.lebLength(code, p);
            case 0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3F, 0x40, 0xD2:
                return p + Bytecode.lebLength(code, p);
            case 0x0E: {
                int count = Bytecode.readU32(code, p);
                p += Bytecode.lebLength(code, p);
                for (int i = 0; i <= count; i++) {
                    p += Bytecode.lebLength(code, p);
                }
                return p;
            }
            case 0x11: // call_indirect typeidx tableidx
                p += Bytecode.lebLength(code, p);
                return p + Bytecode.lebLength(code, p);
            case 0x1C: { // select t*
                int count = Bytecode.readU32(code, p);
                return p + Bytecode.lebLength(code, p) + count;
            }
            case 0x41, 0x42:
                return p + Bytecode.lebLength(code, p);
            case 0x43:
                return p + 4;
            case 0x44:
                return p + 8;
            case 0xD0: // ref.null reftype
                return p + 1;
            case 0xFC:
                return nextPrefixed(code, p);
            default:
                if (opcode >= 0x28 && opcode <= 0x3E) {
                    return skipMemarg(code, p);
                }
                return p; // no immediates
        }
    }

    private static int nextPrefixed(byte[] code, int p) {
        int sub = Bytecode.readU32(code, p);
        p += Bytecode.lebLength(code, p);
        switch (sub) {
            case 8, 10, 12, 14: // two indices
                p += Bytecode.lebLength(code, p);
                return p + Bytecode.lebLength(code, p);
            case 9, 11, 13, 15, 16, 17: // one index
                return p + Bytecode.lebLength(code, p);
            default: // saturating truncations
                return p;
        }
    }

    /** Memarg: alignment flags (bit 6 announces a memory index), optional memory index, offset. */
    static int skipMemarg(byte[] code, int p) {
        int flags = Bytecode.readU32(code, p);
        p += Bytecode.lebLength(code, p);
        if ((flags & 0x40) != 0) {
            p += Bytecode.lebLength(code, p);
        }
        return p + Bytecode.lebLength(code, p);
    }
}
