package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.ExplodeLoop.LoopExplosionKind;

/**
 * Reads immediates from a validated function body. The loops are exploded: in compiled code the
 * code array and pc are constants, so every read folds to its value. Validation has already
 * checked every LEB128 for length and range, so these readers do no checking.
 */
public final class Bytecode {
    private Bytecode() {
    }

    /** Byte length of the LEB128 number at {@code pc}. */
    @ExplodeLoop(kind = LoopExplosionKind.FULL_EXPLODE_UNTIL_RETURN)
    public static int lebLength(byte[] code, int pc) {
        for (int i = 0; i < 10; i++) {
            if ((code[pc + i] & 0x80) == 0) {
                return i + 1;
            }
        }
        return 10;
    }

    /** An unsigned LEB128 of up to 64 bits (u32 values come back zero-extended). */
    @ExplodeLoop(kind = LoopExplosionKind.FULL_EXPLODE_UNTIL_RETURN)
    public static long readUnsigned(byte[] code, int pc) {
        long result = 0;
        for (int i = 0; i < 10; i++) {
            byte b = code[pc + i];
            result |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        return result;
    }

    /** An unsigned LEB128 known to fit 32 bits (indices, counts). */
    public static int readU32(byte[] code, int pc) {
        return (int) readUnsigned(code, pc);
    }

    /** A signed LEB128 of up to 64 bits, sign-extended from its last byte. */
    @ExplodeLoop(kind = LoopExplosionKind.FULL_EXPLODE_UNTIL_RETURN)
    public static long readSigned(byte[] code, int pc) {
        long result = 0;
        for (int i = 0; i < 10; i++) {
            byte b = code[pc + i];
            result |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                int shift = 7 * (i + 1);
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        return result;
    }

    /** Little-endian fixed-width read of {@code byteCount} bytes (float constants). */
    @ExplodeLoop
    public static long readFixed(byte[] code, int pc, int byteCount) {
        long result = 0;
        for (int i = 0; i < byteCount; i++) {
            result |= (long) (code[pc + i] & 0xff) << (8 * i);
        }
        return result;
    }
}
