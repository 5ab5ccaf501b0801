package dev.linmem.memory.nodes;

import static dev.linmem.memory.UnsafeAccess.UNSAFE;

import dev.linmem.memory.ByteOrderSupport;

/**
 * Unchecked little-endian loads and stores of 1, 2, 4 or 8 bytes at {@code (base, rawOffset)}.
 * Only nodes call these, after {@link Bounds#inBounds} accepted the range. {@code width} is a
 * node's final field, so the switch folds in compiled code.
 */
final class Raw {
    private Raw() {
    }

    /** The value at the address, sign- or zero-extended to 64 bits. */
    static long load(Object base, long rawOffset, int width, boolean signed) {
        switch (width) {
            case 1: {
                byte v = UNSAFE.getByte(base, rawOffset);
                return signed ? v : v & 0xFFL;
            }
            case 2: {
                short v = ByteOrderSupport.littleEndian(UNSAFE.getShort(base, rawOffset));
                return signed ? v : v & 0xFFFFL;
            }
            case 4: {
                int v = ByteOrderSupport.littleEndian(UNSAFE.getInt(base, rawOffset));
                return signed ? v : v & 0xFFFF_FFFFL;
            }
            default:
                return ByteOrderSupport.littleEndian(UNSAFE.getLong(base, rawOffset));
        }
    }

    /** Stores the low {@code width} bytes of {@code value}. */
    static void store(Object base, long rawOffset, int width, long value) {
        switch (width) {
            case 1:
                UNSAFE.putByte(base, rawOffset, (byte) value);
                break;
            case 2:
                UNSAFE.putShort(base, rawOffset, ByteOrderSupport.littleEndian((short) value));
                break;
            case 4:
                UNSAFE.putInt(base, rawOffset, ByteOrderSupport.littleEndian((int) value));
                break;
            default:
                UNSAFE.putLong(base, rawOffset, ByteOrderSupport.littleEndian(value));
                break;
        }
    }
}
