package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.ValType;

/**
 * Opcode numbers of the instructions linmem decodes, and the signatures of the plain numeric
 * instructions (which the validator checks by table rather than case by case).
 */
public final class Opcodes {

    public static final int UNREACHABLE = 0x00;
    public static final int NOP = 0x01;
    public static final int BLOCK = 0x02;
    public static final int LOOP = 0x03;
    public static final int IF = 0x04;
    public static final int ELSE = 0x05;
    public static final int END = 0x0B;
    public static final int BR = 0x0C;
    public static final int BR_IF = 0x0D;
    public static final int BR_TABLE = 0x0E;
    public static final int RETURN = 0x0F;
    public static final int CALL = 0x10;
    public static final int CALL_INDIRECT = 0x11;
    public static final int DROP = 0x1A;
    public static final int SELECT = 0x1B;
    public static final int SELECT_T = 0x1C;
    public static final int LOCAL_GET = 0x20;
    public static final int LOCAL_SET = 0x21;
    public static final int LOCAL_TEE = 0x22;
    public static final int GLOBAL_GET = 0x23;
    public static final int GLOBAL_SET = 0x24;
    public static final int TABLE_GET = 0x25;
    public static final int TABLE_SET = 0x26;
    /** First load opcode ({@code i32.load}); loads and stores run to {@link #LAST_STORE}. */
    public static final int FIRST_LOAD = 0x28;
    public static final int LAST_LOAD = 0x35;
    public static final int FIRST_STORE = 0x36;
    public static final int LAST_STORE = 0x3E;
    public static final int MEMORY_SIZE = 0x3F;
    public static final int MEMORY_GROW = 0x40;
    public static final int I32_CONST = 0x41;
    public static final int I64_CONST = 0x42;
    public static final int F32_CONST = 0x43;
    public static final int F64_CONST = 0x44;
    public static final int REF_NULL = 0xD0;
    public static final int REF_IS_NULL = 0xD1;
    public static final int REF_FUNC = 0xD2;
    /** Prefix of saturating truncation, bulk memory and table instructions. */
    public static final int PREFIX_FC = 0xFC;
    /** Prefix of SIMD instructions, refused. */
    public static final int PREFIX_SIMD = 0xFD;
    /** Prefix of the threads proposal's atomic instructions. */
    public static final int PREFIX_ATOMIC = 0xFE;

    // 0xFC sub-opcodes
    public static final int MEMORY_INIT = 8;
    public static final int DATA_DROP = 9;
    public static final int MEMORY_COPY = 10;
    public static final int MEMORY_FILL = 11;
    public static final int TABLE_INIT = 12;
    public static final int ELEM_DROP = 13;
    public static final int TABLE_COPY = 14;
    public static final int TABLE_GROW = 15;
    public static final int TABLE_SIZE = 16;
    public static final int TABLE_FILL = 17;

    // 0xFE sub-opcodes (the rest are loads, stores, rmw and cmpxchg; see AtomicOps)
    public static final int ATOMIC_NOTIFY = 0x00;
    public static final int ATOMIC_WAIT32 = 0x01;
    public static final int ATOMIC_WAIT64 = 0x02;
    public static final int ATOMIC_FENCE = 0x03;

    private static final int I32 = 0;
    private static final int I64 = 1;
    private static final int F32 = 2;
    private static final int F64 = 3;
    private static final ValType[] NUM = {ValType.I32, ValType.I64, ValType.F32, ValType.F64};

    /**
     * Numeric signatures by opcode (0x45 to 0xC4): {result, operand...}, operands in push order;
     * null where the opcode is not a plain numeric instruction.
     */
    private static final ValType[][] NUMERIC = new ValType[256][];

    /** Signatures of the saturating truncations 0xFC 0 to 7: {result, operand}. */
    private static final ValType[][] TRUNC_SAT = {
                    {ValType.I32, ValType.F32}, {ValType.I32, ValType.F32}, {ValType.I32, ValType.F64}, {ValType.I32, ValType.F64},
                    {ValType.I64, ValType.F32}, {ValType.I64, ValType.F32}, {ValType.I64, ValType.F64}, {ValType.I64, ValType.F64}};

    static {
        range(0x45, 0x45, I32, I32);             // i32.eqz
        range(0x46, 0x4F, I32, I32, I32);        // i32 comparisons
        range(0x50, 0x50, I32, I64);             // i64.eqz
        range(0x51, 0x5A, I32, I64, I64);        // i64 comparisons
        range(0x5B, 0x60, I32, F32, F32);        // f32 comparisons
        range(0x61, 0x66, I32, F64, F64);        // f64 comparisons
        range(0x67, 0x69, I32, I32);             // i32 clz ctz popcnt
        range(0x6A, 0x78, I32, I32, I32);        // i32 arithmetic, bitwise, shifts, rotates
        range(0x79, 0x7B, I64, I64);             // i64 clz ctz popcnt
        range(0x7C, 0x8A, I64, I64, I64);        // i64 binary
        range(0x8B, 0x91, F32, F32);             // f32 unary
        range(0x92, 0x98, F32, F32, F32);        // f32 binary
        range(0x99, 0x9F, F64, F64);             // f64 unary
        range(0xA0, 0xA6, F64, F64, F64);        // f64 binary
        range(0xA7, 0xA7, I32, I64);             // i32.wrap_i64
        range(0xA8, 0xA9, I32, F32);             // i32.trunc_f32_s/u
        range(0xAA, 0xAB, I32, F64);             // i32.trunc_f64_s/u
        range(0xAC, 0xAD, I64, I32);             // i64.extend_i32_s/u
        range(0xAE, 0xAF, I64, F32);             // i64.trunc_f32_s/u
        range(0xB0, 0xB1, I64, F64);             // i64.trunc_f64_s/u
        range(0xB2, 0xB3, F32, I32);             // f32.convert_i32_s/u
        range(0xB4, 0xB5, F32, I64);             // f32.convert_i64_s/u
        range(0xB6, 0xB6, F32, F64);             // f32.demote_f64
        range(0xB7, 0xB8, F64, I32);             // f64.convert_i32_s/u
        range(0xB9, 0xBA, F64, I64);             // f64.convert_i64_s/u
        range(0xBB, 0xBB, F64, F32);             // f64.promote_f32
        range(0xBC, 0xBC, I32, F32);             // i32.reinterpret_f32
        range(0xBD, 0xBD, I64, F64);             // i64.reinterpret_f64
        range(0xBE, 0xBE, F32, I32);             // f32.reinterpret_i32
        range(0xBF, 0xBF, F64, I64);             // f64.reinterpret_i64
        range(0xC0, 0xC1, I32, I32);             // i32.extend8_s, extend16_s
        range(0xC2, 0xC4, I64, I64);             // i64.extend8_s, 16_s, 32_s
    }

    private Opcodes() {
    }

    private static void range(int first, int last, int result, int... operands) {
        ValType[] sig = new ValType[operands.length + 1];
        sig[0] = NUM[result];
        for (int i = 0; i < operands.length; i++) {
            sig[i + 1] = NUM[operands[i]];
        }
        for (int op = first; op <= last; op++) {
            NUMERIC[op] = sig;
        }
    }

    /** {result, operands...} of a plain numeric opcode, or null. */
    static ValType[] numericSignature(int opcode) {
        return NUMERIC[opcode];
    }

    /** {result, operand} of saturating truncation {@code 0xFC sub}, sub in 0..7. */
    static ValType[] truncSatSignature(int sub) {
        return TRUNC_SAT[sub];
    }

    /**
     * Natural access size in bytes of the load/store opcodes 0x28 to 0x3E, and the value type
     * they load or store.
     */
    static int memoryAccessBytes(int opcode) {
        return switch (opcode) {
            case 0x28, 0x2A, 0x34, 0x35, 0x36, 0x38, 0x3E -> 4;
            case 0x29, 0x2B, 0x37, 0x39 -> 8;
            case 0x2C, 0x2D, 0x30, 0x31, 0x3A, 0x3C -> 1;
            case 0x2E, 0x2F, 0x32, 0x33, 0x3B, 0x3D -> 2;
            default -> throw new IllegalArgumentException("not a load or store: 0x" + Integer.toHexString(opcode));
        };
    }

    static ValType memoryAccessType(int opcode) {
        return switch (opcode) {
            case 0x28, 0x2C, 0x2D, 0x2E, 0x2F, 0x36, 0x3A, 0x3B -> ValType.I32;
            case 0x29, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x37, 0x3C, 0x3D, 0x3E -> ValType.I64;
            case 0x2A, 0x38 -> ValType.F32;
            case 0x2B, 0x39 -> ValType.F64;
            default -> throw new IllegalArgumentException("not a load or store: 0x" + Integer.toHexString(opcode));
        };
    }

    /** True for every single-byte opcode linmem decodes (prefixes excluded). */
    static boolean isKnownSingleByte(int opcode) {
        return (opcode >= 0x00 && opcode <= 0x05) || (opcode >= 0x0B && opcode <= 0x11) || (opcode >= 0x1A && opcode <= 0x1C)
                        || (opcode >= 0x20 && opcode <= 0x26) || (opcode >= 0x28 && opcode <= 0x44) || NUMERIC[opcode] != null
                        || (opcode >= 0xD0 && opcode <= 0xD2);
    }

    static boolean isPrefix(int opcode) {
        return opcode == PREFIX_FC || opcode == PREFIX_ATOMIC;
    }

    /**
     * The error for an opcode (or prefix) linmem does not decode: the refusal naming the feature
     * when it is an opcode of Wasm 3.0 (see {@link Unsupported#opcode}), else an illegal opcode.
     */
    static WasmException refuseOpcode(int opcode, int offset) {
        WasmException unsupported = Unsupported.opcode(opcode, offset);
        if (unsupported != null) {
            return unsupported;
        }
        // try, catch, rethrow, delegate and catch_all were in the exception-handling proposal's first
        // design, never in a WebAssembly standard: a binary that holds them is malformed.
        String legacy = switch (opcode) {
            case 0x06, 0x07, 0x09, 0x18, 0x19 -> " (legacy exception handling, not part of WebAssembly 3.0)";
            default -> "";
        };
        return WasmException.malformed("illegal opcode " + String.format("%02x", opcode) + legacy + " at byte 0x"
                        + Integer.toHexString(offset), offset);
    }
}
