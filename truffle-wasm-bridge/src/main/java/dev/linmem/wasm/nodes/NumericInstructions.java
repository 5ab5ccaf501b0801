package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/**
 * The numeric instructions (opcodes 0x45 to 0xC4 and the saturating truncations), operating on
 * the operand stack in frame slots. An i32 lives in an int slot, every other number in a long
 * slot as raw bits (see the slot accessors); each method takes the slot index just above the top of the stack and returns
 * the new one. Called from the dispatch loop with a constant opcode, so partial evaluation keeps
 * exactly one case.
 */
final class NumericInstructions {
    private NumericInstructions() {
    }

    static int execute(VirtualFrame frame, int opcode, int sp, Node site) {
        if (opcode <= 0x66) {
            return compare(frame, opcode, sp);
        } else if (opcode <= 0x78) {
            return i32Arithmetic(frame, opcode, sp, site);
        } else if (opcode <= 0x8A) {
            return i64Arithmetic(frame, opcode, sp, site);
        } else if (opcode <= 0x98) {
            return f32Arithmetic(frame, opcode, sp);
        } else if (opcode <= 0xA6) {
            return f64Arithmetic(frame, opcode, sp);
        } else {
            return convert(frame, opcode, sp, site);
        }
    }

    // Slot accessors for each number type. An i32 lives in an int slot, so compiled code needs no
    // sign extension on every write and narrowing on every read; i64, f32 and f64 live in long
    // slots as raw bits (an f32 as its int bits, sign-extended). A read must use the kind of the
    // write that produced the value: the validator guarantees each position's type.

    static int i32(VirtualFrame frame, int slot) {
        return frame.getIntStatic(slot);
    }

    static long i64(VirtualFrame frame, int slot) {
        return frame.getLongStatic(slot);
    }

    static float f32(VirtualFrame frame, int slot) {
        return Float.intBitsToFloat((int) frame.getLongStatic(slot));
    }

    static double f64(VirtualFrame frame, int slot) {
        return Double.longBitsToDouble(frame.getLongStatic(slot));
    }

    static void putI32(VirtualFrame frame, int slot, int value) {
        frame.setIntStatic(slot, value);
    }

    static void putI64(VirtualFrame frame, int slot, long value) {
        frame.setLongStatic(slot, value);
    }

    static void putF32(VirtualFrame frame, int slot, float value) {
        frame.setLongStatic(slot, Float.floatToRawIntBits(value));
    }

    static void putF64(VirtualFrame frame, int slot, double value) {
        frame.setLongStatic(slot, Double.doubleToRawLongBits(value));
    }

    /** The raw bits of an f32 (reinterpretation must keep NaN payloads, so no float round trip). */
    static int f32Bits(VirtualFrame frame, int slot) {
        return (int) frame.getLongStatic(slot);
    }

    static void putF32Bits(VirtualFrame frame, int slot, int bits) {
        frame.setLongStatic(slot, bits);
    }

    private static int bool(boolean b) {
        return b ? 1 : 0;
    }

    /** eqz and the comparisons of all four types: i32 results. */
    private static int compare(VirtualFrame frame, int opcode, int sp) {
        switch (opcode) {
            case 0x45:
                putI32(frame, sp - 1, bool(i32(frame, sp - 1) == 0));
                return sp;
            case 0x50:
                putI32(frame, sp - 1, bool(i64(frame, sp - 1) == 0));
                return sp;
            default:
                break;
        }
        int a = sp - 2;
        int b = sp - 1;
        boolean r;
        switch (opcode) {
            case 0x46 -> r = i32(frame, a) == i32(frame, b);
            case 0x47 -> r = i32(frame, a) != i32(frame, b);
            case 0x48 -> r = i32(frame, a) < i32(frame, b);
            case 0x49 -> r = Integer.compareUnsigned(i32(frame, a), i32(frame, b)) < 0;
            case 0x4A -> r = i32(frame, a) > i32(frame, b);
            case 0x4B -> r = Integer.compareUnsigned(i32(frame, a), i32(frame, b)) > 0;
            case 0x4C -> r = i32(frame, a) <= i32(frame, b);
            case 0x4D -> r = Integer.compareUnsigned(i32(frame, a), i32(frame, b)) <= 0;
            case 0x4E -> r = i32(frame, a) >= i32(frame, b);
            case 0x4F -> r = Integer.compareUnsigned(i32(frame, a), i32(frame, b)) >= 0;
            case 0x51 -> r = i64(frame, a) == i64(frame, b);
            case 0x52 -> r = i64(frame, a) != i64(frame, b);
            case 0x53 -> r = i64(frame, a) < i64(frame, b);
            case 0x54 -> r = Long.compareUnsigned(i64(frame, a), i64(frame, b)) < 0;
            case 0x55 -> r = i64(frame, a) > i64(frame, b);
            case 0x56 -> r = Long.compareUnsigned(i64(frame, a), i64(frame, b)) > 0;
            case 0x57 -> r = i64(frame, a) <= i64(frame, b);
            case 0x58 -> r = Long.compareUnsigned(i64(frame, a), i64(frame, b)) <= 0;
            case 0x59 -> r = i64(frame, a) >= i64(frame, b);
            case 0x5A -> r = Long.compareUnsigned(i64(frame, a), i64(frame, b)) >= 0;
            case 0x5B -> r = f32(frame, a) == f32(frame, b);
            case 0x5C -> r = f32(frame, a) != f32(frame, b);
            case 0x5D -> r = f32(frame, a) < f32(frame, b);
            case 0x5E -> r = f32(frame, a) > f32(frame, b);
            case 0x5F -> r = f32(frame, a) <= f32(frame, b);
            case 0x60 -> r = f32(frame, a) >= f32(frame, b);
            case 0x61 -> r = f64(frame, a) == f64(frame, b);
            case 0x62 -> r = f64(frame, a) != f64(frame, b);
            case 0x63 -> r = f64(frame, a) < f64(frame, b);
            case 0x64 -> r = f64(frame, a) > f64(frame, b);
            case 0x65 -> r = f64(frame, a) <= f64(frame, b);
            case 0x66 -> r = f64(frame, a) >= f64(frame, b);
            default -> throw unknownOpcode(opcode);
        }
        putI32(frame, a, bool(r));
        return sp - 1;
    }

    private static int i32Arithmetic(VirtualFrame frame, int opcode, int sp, Node site) {
        switch (opcode) {
            case 0x67:
                putI32(frame, sp - 1, Integer.numberOfLeadingZeros(i32(frame, sp - 1)));
                return sp;
            case 0x68:
                putI32(frame, sp - 1, Integer.numberOfTrailingZeros(i32(frame, sp - 1)));
                return sp;
            case 0x69:
                putI32(frame, sp - 1, Integer.bitCount(i32(frame, sp - 1)));
                return sp;
            default:
                break;
        }
        int x = i32(frame, sp - 2);
        int y = i32(frame, sp - 1);
        int r = switch (opcode) {
            case 0x6A -> x + y;
            case 0x6B -> x - y;
            case 0x6C -> x * y;
            case 0x6D -> IntegerOps.i32DivS(x, y, site);
            case 0x6E -> IntegerOps.i32DivU(x, y, site);
            case 0x6F -> IntegerOps.i32RemS(x, y, site);
            case 0x70 -> IntegerOps.i32RemU(x, y, site);
            case 0x71 -> x & y;
            case 0x72 -> x | y;
            case 0x73 -> x ^ y;
            case 0x74 -> x << y; // Java masks the shift count to 5 bits, as wasm does
            case 0x75 -> x >> y;
            case 0x76 -> x >>> y;
            case 0x77 -> Integer.rotateLeft(x, y);
            case 0x78 -> Integer.rotateRight(x, y);
            default -> throw unknownOpcode(opcode);
        };
        putI32(frame, sp - 2, r);
        return sp - 1;
    }

    private static int i64Arithmetic(VirtualFrame frame, int opcode, int sp, Node site) {
        switch (opcode) {
            case 0x79:
                putI64(frame, sp - 1, Long.numberOfLeadingZeros(i64(frame, sp - 1)));
                return sp;
            case 0x7A:
                putI64(frame, sp - 1, Long.numberOfTrailingZeros(i64(frame, sp - 1)));
                return sp;
            case 0x7B:
                putI64(frame, sp - 1, Long.bitCount(i64(frame, sp - 1)));
                return sp;
            default:
                break;
        }
        long x = i64(frame, sp - 2);
        long y = i64(frame, sp - 1);
        long r = switch (opcode) {
            case 0x7C -> x + y;
            case 0x7D -> x - y;
            case 0x7E -> x * y;
            case 0x7F -> IntegerOps.i64DivS(x, y, site);
            case 0x80 -> IntegerOps.i64DivU(x, y, site);
            case 0x81 -> IntegerOps.i64RemS(x, y, site);
            case 0x82 -> IntegerOps.i64RemU(x, y, site);
            case 0x83 -> x & y;
            case 0x84 -> x | y;
            case 0x85 -> x ^ y;
            case 0x86 -> x << y; // masked to 6 bits by Java, as by wasm
            case 0x87 -> x >> y;
            case 0x88 -> x >>> y;
            case 0x89 -> Long.rotateLeft(x, (int) y);
            case 0x8A -> Long.rotateRight(x, (int) y);
            default -> throw unknownOpcode(opcode);
        };
        putI64(frame, sp - 2, r);
        return sp - 1;
    }

    private static int f32Arithmetic(VirtualFrame frame, int opcode, int sp) {
        if (opcode <= 0x91) {
            float x = f32(frame, sp - 1);
            float r = switch (opcode) {
                case 0x8B -> FloatOps.f32Abs(x);
                case 0x8C -> FloatOps.f32Neg(x);
                case 0x8D -> FloatOps.f32Ceil(x);
                case 0x8E -> FloatOps.f32Floor(x);
                case 0x8F -> FloatOps.f32Trunc(x);
                case 0x90 -> FloatOps.f32Nearest(x);
                case 0x91 -> FloatOps.f32Sqrt(x);
                default -> throw unknownOpcode(opcode);
            };
            putF32(frame, sp - 1, r);
            return sp;
        }
        float x = f32(frame, sp - 2);
        float y = f32(frame, sp - 1);
        float r = switch (opcode) {
            case 0x92 -> FloatOps.f32Arithmetic(x + y);
            case 0x93 -> FloatOps.f32Arithmetic(x - y);
            case 0x94 -> FloatOps.f32Arithmetic(x * y);
            case 0x95 -> FloatOps.f32Arithmetic(x / y);
            case 0x96 -> FloatOps.f32Min(x, y);
            case 0x97 -> FloatOps.f32Max(x, y);
            case 0x98 -> FloatOps.f32CopySign(x, y);
            default -> throw unknownOpcode(opcode);
        };
        putF32(frame, sp - 2, r);
        return sp - 1;
    }

    private static int f64Arithmetic(VirtualFrame frame, int opcode, int sp) {
        if (opcode <= 0x9F) {
            double x = f64(frame, sp - 1);
            double r = switch (opcode) {
                case 0x99 -> FloatOps.f64Abs(x);
                case 0x9A -> FloatOps.f64Neg(x);
                case 0x9B -> FloatOps.f64Ceil(x);
                case 0x9C -> FloatOps.f64Floor(x);
                case 0x9D -> FloatOps.f64Trunc(x);
                case 0x9E -> FloatOps.f64Nearest(x);
                case 0x9F -> Math.sqrt(x);
                default -> throw unknownOpcode(opcode);
            };
            putF64(frame, sp - 1, r);
            return sp;
        }
        double x = f64(frame, sp - 2);
        double y = f64(frame, sp - 1);
        double r = switch (opcode) {
            case 0xA0 -> FloatOps.f64Arithmetic(x + y);
            case 0xA1 -> FloatOps.f64Arithmetic(x - y);
            case 0xA2 -> FloatOps.f64Arithmetic(x * y);
            case 0xA3 -> FloatOps.f64Arithmetic(x / y);
            case 0xA4 -> FloatOps.f64Min(x, y);
            case 0xA5 -> FloatOps.f64Max(x, y);
            case 0xA6 -> FloatOps.f64CopySign(x, y);
            default -> throw unknownOpcode(opcode);
        };
        putF64(frame, sp - 2, r);
        return sp - 1;
    }

    /** Unary conversions 0xA7 to 0xC4: the operand is replaced in place. */
    private static int convert(VirtualFrame frame, int opcode, int sp, Node site) {
        int s = sp - 1;
        switch (opcode) {
            case 0xA7 -> putI32(frame, s, (int) i64(frame, s));
            case 0xA8 -> putI32(frame, s, Conversions.i32TruncS(f32(frame, s), site));
            case 0xA9 -> putI32(frame, s, Conversions.i32TruncU(f32(frame, s), site));
            case 0xAA -> putI32(frame, s, Conversions.i32TruncS(f64(frame, s), site));
            case 0xAB -> putI32(frame, s, Conversions.i32TruncU(f64(frame, s), site));
            case 0xAC -> putI64(frame, s, i32(frame, s));
            case 0xAD -> putI64(frame, s, Integer.toUnsignedLong(i32(frame, s)));
            case 0xAE -> putI64(frame, s, Conversions.i64TruncS(f32(frame, s), site));
            case 0xAF -> putI64(frame, s, Conversions.i64TruncU(f32(frame, s), site));
            case 0xB0 -> putI64(frame, s, Conversions.i64TruncS(f64(frame, s), site));
            case 0xB1 -> putI64(frame, s, Conversions.i64TruncU(f64(frame, s), site));
            case 0xB2 -> putF32(frame, s, i32(frame, s));
            case 0xB3 -> putF32(frame, s, Conversions.f32ConvertU32(i32(frame, s)));
            case 0xB4 -> putF32(frame, s, i64(frame, s));
            case 0xB5 -> putF32(frame, s, Conversions.f32ConvertU64(i64(frame, s)));
            case 0xB6 -> putF32(frame, s, FloatOps.f32Arithmetic((float) f64(frame, s)));
            case 0xB7 -> putF64(frame, s, i32(frame, s));
            case 0xB8 -> putF64(frame, s, Conversions.f64ConvertU32(i32(frame, s)));
            case 0xB9 -> putF64(frame, s, i64(frame, s));
            case 0xBA -> putF64(frame, s, Conversions.f64ConvertU64(i64(frame, s)));
            case 0xBB -> putF64(frame, s, f32(frame, s));
            // Reinterpretations: i64 and f64 share the long slot kind, so those are no-ops; i32 (an
            // int slot) and f32 (a long slot) move the same 32 bits between slot kinds.
            case 0xBC -> putI32(frame, s, f32Bits(frame, s));
            case 0xBE -> putF32Bits(frame, s, i32(frame, s));
            case 0xBD, 0xBF -> {
            }
            case 0xC0 -> putI32(frame, s, (byte) i32(frame, s));
            case 0xC1 -> putI32(frame, s, (short) i32(frame, s));
            case 0xC2 -> putI64(frame, s, (byte) i64(frame, s));
            case 0xC3 -> putI64(frame, s, (short) i64(frame, s));
            case 0xC4 -> putI64(frame, s, (int) i64(frame, s));
            default -> throw unknownOpcode(opcode);
        }
        return sp;
    }

    /** The saturating truncations: 0xFC prefix, sub-opcodes 0 to 7. */
    static void truncateSaturating(VirtualFrame frame, int subOpcode, int sp) {
        int s = sp - 1;
        switch (subOpcode) {
            case 0 -> putI32(frame, s, Conversions.i32TruncSatS(f32(frame, s)));
            case 1 -> putI32(frame, s, Conversions.i32TruncSatU(f32(frame, s)));
            case 2 -> putI32(frame, s, Conversions.i32TruncSatS(f64(frame, s)));
            case 3 -> putI32(frame, s, Conversions.i32TruncSatU(f64(frame, s)));
            case 4 -> putI64(frame, s, Conversions.i64TruncSatS(f32(frame, s)));
            case 5 -> putI64(frame, s, Conversions.i64TruncSatU(f32(frame, s)));
            case 6 -> putI64(frame, s, Conversions.i64TruncSatS(f64(frame, s)));
            case 7 -> putI64(frame, s, Conversions.i64TruncSatU(f64(frame, s)));
            default -> throw unknownOpcode(subOpcode);
        }
    }

    /** Unreachable for validated code; kept as an internal error rather than a trap. */
    static IllegalStateException unknownOpcode(int opcode) {
        CompilerDirectives.transferToInterpreterAndInvalidate();
        return new IllegalStateException("opcode 0x" + Integer.toHexString(opcode) + " reached the interpreter; the validator should have refused it");
    }
}
