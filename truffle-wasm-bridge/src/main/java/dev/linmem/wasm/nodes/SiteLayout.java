package dev.linmem.wasm.nodes;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import dev.linmem.wasm.module.WasmFunction;

/**
 * Which instructions of a function body get a child node (memory accesses, calls, atomics) and
 * where that child sits in the node's site array. It depends only on the module's bytes, so it is
 * computed once per function and shared by every instance of the module (it is as large as the
 * body, in ints).
 *
 * @param siteOfPc per body byte, the site index of the instruction starting there, or -1
 * @param sitePcs the pc of each site, in site order
 */
record SiteLayout(int[] siteOfPc, int[] sitePcs) {
    private static final Map<WasmFunction, SiteLayout> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    static SiteLayout of(byte[] code, WasmFunction function) {
        return CACHE.computeIfAbsent(function, f -> compute(code, f));
    }

    private static SiteLayout compute(byte[] code, WasmFunction function) {
        int start = function.bodyStart();
        int[] siteOfPc = new int[function.bodyEnd() - start];
        Arrays.fill(siteOfPc, -1);
        int[] sitePcs = new int[16];
        int count = 0;
        for (int pc = start; pc < function.bodyEnd(); pc = InstructionWalker.next(code, pc)) {
            if (needsSite(code, pc)) {
                if (count == sitePcs.length) {
                    sitePcs = Arrays.copyOf(sitePcs, count * 2);
                }
                siteOfPc[pc - start] = count;
                sitePcs[count++] = pc;
            }
        }
        return new SiteLayout(siteOfPc, Arrays.copyOf(sitePcs, count));
    }

    /** Calls, memory accesses, memory.size/grow/init/copy/fill and atomics other than fence. */
    private static boolean needsSite(byte[] code, int pc) {
        int opcode = code[pc] & 0xff;
        return switch (opcode) {
            case 0x10, 0x11, 0x3F, 0x40 -> true;
            case 0xFC -> {
                int sub = Bytecode.readU32(code, pc + 1);
                yield sub == 8 || sub == 10 || sub == 11;
            }
            case 0xFE -> Bytecode.readU32(code, pc + 1) != 0x03;
            default -> opcode >= 0x28 && opcode <= 0x3E;
        };
    }
}
