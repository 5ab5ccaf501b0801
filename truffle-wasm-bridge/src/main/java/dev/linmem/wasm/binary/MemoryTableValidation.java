package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.ValType;

/**
 * Validation of the instructions that name memories, tables and segments: loads and stores with
 * their memory argument, the {@code 0xFC} prefix (saturating truncation, bulk memory, tables) and
 * the {@code 0xFE} prefix (threads atomics). Memory addresses are i32 or i64 by the memory's index
 * type (memory64).
 */
abstract class MemoryTableValidation extends ValidationStacks {

    /** Natural sizes in bytes of the atomic rmw/cmpxchg groups, in sub-opcode order within a group of 7. */
    private static final int[] ATOMIC_GROUP_BYTES = {4, 8, 1, 2, 1, 2, 4};
    private static final ValType[] ATOMIC_GROUP_TYPES = {ValType.I32, ValType.I64, ValType.I32, ValType.I32, ValType.I64,
                    ValType.I64, ValType.I64};

    final ModuleBuilder m;
    final CodeReader r;

    MemoryTableValidation(ModuleBuilder m, CodeReader r, int bodyStart, int bodyEnd) {
        super(bodyStart, bodyEnd);
        this.m = m;
        this.r = r;
    }

    final MemoryLimits memory(long index) {
        if (index >= m.allMemories.size()) {
            throw WasmException.invalid("unknown memory " + index, instructionPc);
        }
        return m.allMemories.get((int) index);
    }

    final TableType table(long index) {
        if (index >= m.allTables.size()) {
            throw WasmException.invalid("unknown table " + index, instructionPc);
        }
        return m.allTables.get((int) index);
    }

    /**
     * Reads a memory argument: flags (alignment exponent in bits 0-5, bit 6 = a memory index
     * follows), the optional memory index, the offset (u64). Checks the alignment against the
     * natural one and the offset against the index type; returns the memory.
     */
    final MemoryLimits memarg(int naturalBytes, boolean atomic) {
        int at = r.position();
        long flags = r.u32();
        if (flags >= 0x80) {
            throw WasmException.malformed("malformed memop flags 0x" + Long.toHexString(flags), at);
        }
        long memoryIndex = (flags & 0x40) != 0 ? r.u32() : 0;
        int align = (int) (flags & 0x3F);
        long offset = r.u64();
        MemoryLimits mem = memory(memoryIndex);
        int naturalLog2 = Integer.numberOfTrailingZeros(naturalBytes);
        if (atomic && align != naturalLog2) {
            throw WasmException.invalid("alignment must be equal to natural (" + naturalBytes + " bytes)", at);
        }
        if (align > naturalLog2) {
            throw WasmException.invalid("alignment must not be larger than natural (" + naturalBytes + " bytes)", at);
        }
        if (!mem.is64() && Long.compareUnsigned(offset, 0xFFFF_FFFFL) > 0) {
            throw WasmException.invalid("offset out of range: " + Long.toUnsignedString(offset) + " on a 32-bit memory", at);
        }
        return mem;
    }

    /** A plain load (0x28 to 0x35) or store (0x36 to 0x3E). */
    final void loadOrStore(int opcode) {
        MemoryLimits mem = memarg(Opcodes.memoryAccessBytes(opcode), false);
        ValType t = Opcodes.memoryAccessType(opcode);
        if (opcode <= Opcodes.LAST_LOAD) {
            pop(mem.addressType());
            push(t);
        } else {
            pop(t);
            pop(mem.addressType());
        }
    }

    private void requireDataCount(int at) {
        if (m.dataCount < 0) {
            throw WasmException.malformed("data count section required", at);
        }
    }

    private void dataSegment(long index) {
        if (index >= m.dataCount) {
            throw WasmException.invalid("unknown data segment " + index, instructionPc);
        }
    }

    private ValType elemSegment(long index) {
        if (index >= m.elements.size()) {
            throw WasmException.invalid("unknown elem segment " + index, instructionPc);
        }
        return m.elements.get((int) index).elementType();
    }

    /** The instructions after the {@code 0xFC} prefix. */
    final void prefixFC(int prefixPc) {
        long sub = r.u32();
        if (sub <= 7) {
            ValType[] sig = Opcodes.truncSatSignature((int) sub);
            pop(sig[1]);
            push(sig[0]);
            return;
        }
        switch ((int) Math.min(sub, Integer.MAX_VALUE)) {
            case Opcodes.MEMORY_INIT -> {
                requireDataCount(prefixPc);
                long data = r.u32();
                MemoryLimits mem = memory(r.u32());
                dataSegment(data);
                pop(ValType.I32);
                pop(ValType.I32);
                pop(mem.addressType());
            }
            case Opcodes.DATA_DROP -> {
                requireDataCount(prefixPc);
                dataSegment(r.u32());
            }
            case Opcodes.MEMORY_COPY -> {
                MemoryLimits dst = memory(r.u32());
                MemoryLimits src = memory(r.u32());
                // The length is i64 only when both memories are 64-bit.
                pop(dst.is64() && src.is64() ? ValType.I64 : ValType.I32);
                pop(src.addressType());
                pop(dst.addressType());
            }
            case Opcodes.MEMORY_FILL -> {
                MemoryLimits mem = memory(r.u32());
                pop(mem.addressType());
                pop(ValType.I32);
                pop(mem.addressType());
            }
            case Opcodes.TABLE_INIT -> {
                long elem = r.u32();
                TableType t = table(r.u32());
                ValType segmentType = elemSegment(elem);
                if (segmentType != t.elementType()) {
                    throw typeMismatch("table.init of " + segmentType.text() + " into a table of " + t.elementType().text());
                }
                pop(ValType.I32);
                pop(ValType.I32);
                pop(ValType.I32);
            }
            case Opcodes.ELEM_DROP -> elemSegment(r.u32());
            case Opcodes.TABLE_COPY -> {
                TableType dst = table(r.u32());
                TableType src = table(r.u32());
                if (dst.elementType() != src.elementType()) {
                    throw typeMismatch("table.copy from " + src.elementType().text() + " to " + dst.elementType().text());
                }
                pop(ValType.I32);
                pop(ValType.I32);
                pop(ValType.I32);
            }
            case Opcodes.TABLE_GROW -> {
                TableType t = table(r.u32());
                pop(ValType.I32);
                pop(t.elementType());
                push(ValType.I32);
            }
            case Opcodes.TABLE_SIZE -> {
                table(r.u32());
                push(ValType.I32);
            }
            case Opcodes.TABLE_FILL -> {
                TableType t = table(r.u32());
                pop(ValType.I32);
                pop(t.elementType());
                pop(ValType.I32);
            }
            default -> throw WasmException.malformed("illegal opcode 0xfc " + sub + " at byte 0x" + Integer.toHexString(prefixPc),
                            prefixPc);
        }
    }

    /** The threads proposal's instructions after the {@code 0xFE} prefix. */
    final void prefixAtomic(int prefixPc) {
        long sub = r.u32();
        if (sub == Opcodes.ATOMIC_FENCE) {
            int at = r.position();
            if (r.u8() != 0) {
                throw WasmException.malformed("zero byte expected", at);
            }
            return;
        }
        if (sub == Opcodes.ATOMIC_NOTIFY) {
            MemoryLimits mem = memarg(4, true);
            pop(ValType.I32);
            pop(mem.addressType());
            push(ValType.I32);
        } else if (sub == Opcodes.ATOMIC_WAIT32 || sub == Opcodes.ATOMIC_WAIT64) {
            ValType expected = sub == Opcodes.ATOMIC_WAIT32 ? ValType.I32 : ValType.I64;
            MemoryLimits mem = memarg(sub == Opcodes.ATOMIC_WAIT32 ? 4 : 8, true);
            pop(ValType.I64); // timeout in nanoseconds
            pop(expected);
            pop(mem.addressType());
            push(ValType.I32);
        } else if (sub >= 0x10 && sub <= 0x16) {
            int k = (int) sub - 0x10; // loads: same order as the rmw groups
            MemoryLimits mem = memarg(ATOMIC_GROUP_BYTES[k], true);
            pop(mem.addressType());
            push(ATOMIC_GROUP_TYPES[k]);
        } else if (sub >= 0x17 && sub <= 0x1D) {
            int k = (int) sub - 0x17;
            MemoryLimits mem = memarg(ATOMIC_GROUP_BYTES[k], true);
            pop(ATOMIC_GROUP_TYPES[k]);
            pop(mem.addressType());
        } else if (sub >= 0x1E && sub <= 0x47) {
            int k = (int) (sub - 0x1E) % 7; // add, sub, and, or, xor, xchg: 7 widths each
            MemoryLimits mem = memarg(ATOMIC_GROUP_BYTES[k], true);
            ValType t = ATOMIC_GROUP_TYPES[k];
            pop(t);
            pop(mem.addressType());
            push(t);
        } else if (sub >= 0x48 && sub <= 0x4E) {
            int k = (int) sub - 0x48;
            MemoryLimits mem = memarg(ATOMIC_GROUP_BYTES[k], true);
            ValType t = ATOMIC_GROUP_TYPES[k];
            pop(t); // replacement
            pop(t); // expected
            pop(mem.addressType());
            push(t);
        } else {
            throw WasmException.malformed("illegal opcode 0xfe " + sub + " at byte 0x" + Integer.toHexString(prefixPc), prefixPc);
        }
    }
}
