package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import java.util.Arrays;

/**
 * Reads function bodies for their format only (opcodes, immediates, block structure), without
 * type checking. The reference interpreter decodes the whole module before it validates anything,
 * so a module that is both malformed and invalid is malformed; the validator, which decodes and
 * type-checks in one pass, calls this when it finds a body invalid, to report a format error in
 * the rest of the code first.
 *
 * <p>Format only means Wasm 3.0's format: the instructions and types of features linmem does not
 * implement (typed references, exception handling, tail calls) are stepped over like any other,
 * because a module that is invalid or malformed before them is so whatever an engine implements.
 * Only the GC and SIMD instructions, whose immediates come in too many shapes to be worth reading
 * without running them, are refused here as unsupported.
 */
final class BodyScanner {

    private final CodeReader r;
    private byte[] kinds = new byte[16];
    private int depth;

    private BodyScanner(CodeReader reader) {
        this.r = reader;
    }

    /**
     * Reads an expression from the reader's position up to and including its terminating
     * {@code end} (nested blocks included), checking only the format. Used for a constant
     * expression that holds a non-constant instruction: that is a validation error, reported once
     * the whole module has been decoded, so the expression's extent must still be found.
     */
    static void skipExpression(CodeReader reader) {
        new BodyScanner(reader).run();
    }

    /** Throws the first format error of the body {@code [bodyStart, bodyEnd)}, if it has one. */
    static void scan(byte[] bytes, int bodyStart, int bodyEnd) {
        BodyScanner s = new BodyScanner(new CodeReader(bytes, bodyStart, bytes.length));
        s.run();
        if (s.r.position() != bodyEnd) {
            throw WasmException.malformed("section size mismatch: bytes after the end of a function", s.r.position());
        }
    }

    private void open(int kind) {
        if (depth == kinds.length) {
            kinds = Arrays.copyOf(kinds, depth * 2);
        }
        kinds[depth++] = (byte) kind;
    }

    private void run() {
        open(-1);
        while (depth > 0) {
            int pc = r.position();
            int op = r.u8();
            switch (op) {
                case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> {
                    blockType();
                    open(op);
                }
                case Opcodes.ELSE -> {
                    if (kinds[depth - 1] != Opcodes.IF) {
                        throw WasmException.malformed("END opcode expected: else without a matching if", pc);
                    }
                    kinds[depth - 1] = Opcodes.ELSE;
                }
                case Opcodes.END -> depth--;
                case Opcodes.BR, Opcodes.BR_IF, Opcodes.CALL, Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE,
                                Opcodes.GLOBAL_GET, Opcodes.GLOBAL_SET, Opcodes.TABLE_GET, Opcodes.TABLE_SET, Opcodes.REF_FUNC,
                                Opcodes.MEMORY_SIZE, Opcodes.MEMORY_GROW -> r.u32();
                case Opcodes.BR_TABLE -> {
                    int n = r.count(1, "length out of bounds");
                    for (int i = 0; i <= n; i++) {
                        r.u32();
                    }
                }
                case Opcodes.CALL_INDIRECT -> {
                    r.u32();
                    r.u32();
                }
                case Opcodes.SELECT_T -> {
                    int n = r.count(1, "length out of bounds");
                    for (int i = 0; i < n; i++) {
                        valueType();
                    }
                }
                case Opcodes.I32_CONST -> r.s32();
                case Opcodes.I64_CONST -> r.s64();
                case Opcodes.F32_CONST -> r.f32Bits();
                case Opcodes.F64_CONST -> r.f64Bits();
                case Opcodes.REF_NULL -> heapType();
                case Unsupported.THROW_REF, Unsupported.REF_EQ, Unsupported.REF_AS_NON_NULL -> { }
                case Unsupported.THROW, Unsupported.RETURN_CALL, Unsupported.CALL_REF, Unsupported.RETURN_CALL_REF,
                                Unsupported.BR_ON_NULL, Unsupported.BR_ON_NON_NULL -> r.u32();
                case Unsupported.RETURN_CALL_INDIRECT -> {
                    r.u32();
                    r.u32();
                }
                case Unsupported.TRY_TABLE -> {
                    blockType();
                    catchClauses();
                    open(op);
                }
                case Opcodes.PREFIX_FC -> prefixFC(pc);
                case Opcodes.PREFIX_ATOMIC -> prefixAtomic(pc);
                default -> {
                    if (op >= Opcodes.FIRST_LOAD && op <= Opcodes.LAST_STORE) {
                        memarg();
                    } else if (!Opcodes.isKnownSingleByte(op)) {
                        throw Opcodes.refuseOpcode(op, pc);
                    }
                }
            }
        }
    }

    /** A block type: empty (0x40), a value type, or a type index (s33 >= 0). */
    private void blockType() {
        int b = r.peekU8();
        if (b == 0x40) {
            r.u8();
        } else if (b > 0x40 && b < 0x80) {
            valueType();
        } else {
            int at = r.position();
            if (r.s33() < 0) {
                throw WasmException.malformed("malformed block type", at);
            }
        }
    }

    /** Any value type of Wasm 3.0: numbers, v128, the one-byte reference types, {@code (ref null? ht)}. */
    private void valueType() {
        int at = r.position();
        int code = r.u8();
        if (code == Unsupported.REF_NULL_TYPE || code == Unsupported.REF_TYPE) {
            heapType();
        } else if (!(code >= 0x7B && code <= 0x7F) && !Unsupported.isAbstractHeapType(code)) {
            throw WasmException.malformed("malformed value type 0x" + Integer.toHexString(code), at);
        }
    }

    /** A heap type: an abstract one (one byte) or a type index (s33 >= 0). */
    private void heapType() {
        if (Unsupported.isAbstractHeapType(r.peekU8())) {
            r.u8();
            return;
        }
        int at = r.position();
        if (r.s33() < 0) {
            throw WasmException.malformed("malformed heap type", at);
        }
    }

    /** try_table's catch clauses: kind 0 (catch) and 1 (catch_ref) name a tag and a label, 2 and 3 (catch_all) a label. */
    private void catchClauses() {
        int n = r.count(2, "length out of bounds");
        for (int i = 0; i < n; i++) {
            int at = r.position();
            int kind = r.u8();
            if (kind > 3) {
                throw WasmException.malformed("malformed catch clause", at);
            }
            if (kind < 2) {
                r.u32();
            }
            r.u32();
        }
    }

    private void memarg() {
        int at = r.position();
        long flags = r.u32();
        if (flags >= 0x80) {
            throw WasmException.malformed("malformed memop flags 0x" + Long.toHexString(flags), at);
        }
        if ((flags & 0x40) != 0) {
            r.u32();
        }
        r.u64();
    }

    private void prefixFC(int pc) {
        long sub = r.u32();
        if (sub <= 7) {
            return;
        }
        switch ((int) Math.min(sub, Integer.MAX_VALUE)) {
            case Opcodes.MEMORY_INIT, Opcodes.MEMORY_COPY, Opcodes.TABLE_INIT, Opcodes.TABLE_COPY -> {
                r.u32();
                r.u32();
            }
            case Opcodes.DATA_DROP, Opcodes.MEMORY_FILL, Opcodes.ELEM_DROP, Opcodes.TABLE_GROW, Opcodes.TABLE_SIZE,
                            Opcodes.TABLE_FILL -> r.u32();
            default -> throw WasmException.malformed("illegal opcode fc " + Long.toHexString(sub) + " at byte 0x"
                            + Integer.toHexString(pc), pc);
        }
    }

    private void prefixAtomic(int pc) {
        long sub = r.u32();
        if (sub == Opcodes.ATOMIC_FENCE) {
            int at = r.position();
            if (r.u8() != 0) {
                throw WasmException.malformed("zero byte expected", at);
            }
        } else if (sub <= Opcodes.ATOMIC_WAIT64 || (sub >= 0x10 && sub <= 0x4E)) {
            memarg();
        } else {
            throw WasmException.malformed("illegal opcode fe " + Long.toHexString(sub) + " at byte 0x" + Integer.toHexString(pc),
                            pc);
        }
    }
}
