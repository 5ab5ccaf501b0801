package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.linmem.wasm.module.ValType;

/**
 * Moves values between frame slots and the call boundary. In a frame an i32 lives in an int slot,
 * i64/f32/f64 in a long slot (raw bits) and a reference in an object slot; across a call (the
 * arguments and results of call targets, host functions and the embedding API) every number is a
 * boxed {@code Long} of raw bits, an i32 sign-extended. Which slot kind a value uses is fixed by
 * the function type, so callers keep the kinds as a compilation-final array.
 */
final class BoundaryValues {
    static final byte REFERENCE = 0;
    static final byte I32 = 1;
    /** i64, f32 and f64: raw bits in a long slot. */
    static final byte LONG_BITS = 2;

    private BoundaryValues() {
    }

    static byte[] kinds(ValType[] types) {
        byte[] kinds = new byte[types.length];
        for (int i = 0; i < types.length; i++) {
            kinds[i] = types[i].isReference() ? REFERENCE : types[i] == ValType.I32 ? I32 : LONG_BITS;
        }
        return kinds;
    }

    /** The value in {@code slot} as it crosses a call: a reference, or a Long of raw bits. */
    static Object read(VirtualFrame frame, int slot, byte kind) {
        return switch (kind) {
            case REFERENCE -> frame.getObjectStatic(slot);
            case I32 -> (long) frame.getIntStatic(slot);
            default -> frame.getLongStatic(slot);
        };
    }

    /** Stores a value that crossed a call (a reference, or a Long of raw bits) into {@code slot}. */
    static void write(VirtualFrame frame, int slot, byte kind, Object value) {
        switch (kind) {
            case REFERENCE -> frame.setObjectStatic(slot, value);
            case I32 -> frame.setIntStatic(slot, (int) (long) (Long) value);
            default -> frame.setLongStatic(slot, (Long) value);
        }
    }

    /** The initial value of a declared (non-parameter) local: zero of its type, or null. */
    static void writeZero(VirtualFrame frame, int slot, byte kind) {
        switch (kind) {
            case REFERENCE -> frame.setObjectStatic(slot, null);
            case I32 -> frame.setIntStatic(slot, 0);
            default -> frame.setLongStatic(slot, 0L);
        }
    }
}
