package dev.linmem.wasm.nodes;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import dev.linmem.wasm.module.WasmFunction;

/**
 * A function body's LEB128 immediates decoded once, for the interpreter: per body byte, the pc of
 * the next instruction and the instruction's first immediate. The interpreter used to decode
 * them at every execution ({@link InstructionWalker#next} and {@link Bytecode#readU32} were more
 * than a third of its time on lua5.4 and sqlite3); now it reads two arrays. Compiled code is
 * unchanged: pc is a partial-evaluation constant, so an array read folds as the LEB decoding did.
 * Like {@link SiteLayout} it depends only on the module's bytes, so it is computed once per
 * function and shared by every instance of the module.
 *
 * @param nextPc per body byte, the pc after the instruction starting there (other entries unused)
 * @param immediate per body byte, the first immediate of the instruction starting there, where
 *            {@link #hasImmediate} says it has one: a local, global, table, function or memory
 *            index (a memarg's memory index, 0 without one), or an i32.const value; 0 otherwise
 */
record DecodedImmediates(int[] nextPc, int[] immediate) {
    private static final Map<WasmFunction, DecodedImmediates> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    static DecodedImmediates of(byte[] code, WasmFunction function) {
        return CACHE.computeIfAbsent(function, f -> compute(code, f));
    }

    private static DecodedImmediates compute(byte[] code, WasmFunction function) {
        int start = function.bodyStart();
        int[] nextPc = new int[function.bodyEnd() - start];
        int[] immediate = new int[nextPc.length];
        for (int pc = start; pc < function.bodyEnd(); ) {
            int next = InstructionWalker.next(code, pc);
            nextPc[pc - start] = next;
            int opcode = code[pc] & 0xff;
            if (hasImmediate(opcode)) {
                immediate[pc - start] = firstImmediate(code, pc, opcode);
            }
            pc = next;
        }
        return new DecodedImmediates(nextPc, immediate);
    }

    /** Opcodes whose first immediate the interpreter takes from {@link #immediate}. */
    static boolean hasImmediate(int opcode) {
        return switch (opcode) {
            case 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3F, 0x40, 0x41, 0xD2 -> true;
            default -> opcode >= 0x28 && opcode <= 0x3E;
        };
    }

    private static int firstImmediate(byte[] code, int pc, int opcode) {
        if (opcode == 0x41) {
            return (int) Bytecode.readSigned(code, pc + 1); // i32.const: the signed LEB fits an int
        }
        if (opcode >= 0x28 && opcode <= 0x3E) {
            return MemoryInstructions.memargMemory(code, pc);
        }
        return Bytecode.readU32(code, pc + 1);
    }
}
