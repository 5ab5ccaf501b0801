package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import java.util.Arrays;

/**
 * Reads function bodies for their format only (opcodes, immediates, block structure), without
 * type checking. The reference interpreter decodes the whole module before it validates anything,
 * so a module that is both malformed and invalid is malformed; the validator, which decodes and
 * type-checks in one pass, calls this when it finds a body invalid, to report a format error in
 * the rest of the code first.
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
                        TypeDecoder.valType(r);
                    }
                }
                case Opcodes.I32_CONST -> r.s32();
                case Opcodes.I64_CONST -> r.s64();
                case Opcodes.F32_CONST -> r.f32Bits();
                case Opcodes.F64_CONST -> r.f64Bits();
                case Opcodes.REF_NULL -> TypeDecoder.refType(r);
                case Opcodes.PREFIX_FC -> prefixFC(pc);
                case Opcodes.PREFIX_ATOMIC -> prefixAtomic(pc);
                case Opcodes.PREFIX_SIMD -> throw TypeDecoder.simdNotSupported("instruction", op, pc);
                default -> {
                    if (op >= Opcodes.FIRST_LOAD && op <= Opcodes.LAST_STORE) {
                        memarg();
                    } else if (!Opcodes.isKnownSingleByte(op)) {
                        throw Opcodes.illegalOpcode(op, pc);
                    }
                }
            }
        }
    }

    private void blockType() {
        int at = r.position();
        int b = r.peekU8();
        if (b == 0x40 || dev.linmem.wasm.module.ValType.fromCode(b) != null) {
            r.u8();
        } else if (b == TypeDecoder.V128) {
            throw TypeDecoder.simdNotSupported("block type v128", b, at);
        } else if (r.s33() < 0) {
            throw WasmException.malformed("malformed block type", at);
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
