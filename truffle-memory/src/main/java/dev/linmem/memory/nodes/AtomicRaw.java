package dev.linmem.memory.nodes;

import static dev.linmem.memory.UnsafeAccess.UNSAFE;

import dev.linmem.memory.ByteOrderSupport;

/**
 * Sequentially consistent loads, stores, read-modify-writes and compare-exchanges of 1, 2, 4 or
 * 8 bytes at an aligned {@code (base, rawOffset)}, little-endian as wasm defines them.
 *
 * <p>{@code sun.misc.Unsafe} has compare-and-swap for int and long only, so 8- and 16-bit
 * operations run as a CAS loop on the aligned 4-byte word that contains them. An aligned 1- or
 * 2-byte access never straddles such a word, and the word is inside the storage because sizes
 * are whole pages (64 KiB or, with 1-byte pages, the storage keeps 8 bytes of slack).
 * Neighbouring bytes are written back unchanged, atomically with the update.
 *
 * <p>Only shared memories need real atomics: nothing else can touch an unshared memory while its
 * thread runs, so the nodes use the {@code plain*} variants there.
 */
final class AtomicRaw {
    private AtomicRaw() {
    }

    /** A read-modify-write of an unshared memory: a plain load and store. */
    static long plainReadModifyWrite(Object base, long raw, int width, AtomicOp op, long operand) {
        long old = Raw.load(base, raw, width, false);
        Raw.store(base, raw, width, op.apply(old, operand));
        return old;
    }

    /** A compare-exchange of an unshared memory: a plain load and, when equal, a plain store. */
    static long plainCompareExchange(Object base, long raw, int width, long expected, long replacement) {
        long old = Raw.load(base, raw, width, false);
        if (old == expected) {
            Raw.store(base, raw, width, replacement);
        }
        return old;
    }

    static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    static long load(Object base, long raw, int width) {
        switch (width) {
            case 1:
                return UNSAFE.getByteVolatile(base, raw) & 0xFFL;
            case 2:
                return ByteOrderSupport.littleEndian(UNSAFE.getShortVolatile(base, raw)) & 0xFFFFL;
            case 4:
                return ByteOrderSupport.littleEndian(UNSAFE.getIntVolatile(base, raw)) & 0xFFFF_FFFFL;
            default:
                return ByteOrderSupport.littleEndian(UNSAFE.getLongVolatile(base, raw));
        }
    }

    static void store(Object base, long raw, int width, long value) {
        switch (width) {
            case 1:
                UNSAFE.putByteVolatile(base, raw, (byte) value);
                break;
            case 2:
                UNSAFE.putShortVolatile(base, raw, ByteOrderSupport.littleEndian((short) value));
                break;
            case 4:
                UNSAFE.putIntVolatile(base, raw, ByteOrderSupport.littleEndian((int) value));
                break;
            default:
                UNSAFE.putLongVolatile(base, raw, ByteOrderSupport.littleEndian(value));
                break;
        }
    }

    /** Applies {@code op} atomically; returns the old value, zero-extended from {@code width} bytes. */
    static long readModifyWrite(Object base, long raw, int width, AtomicOp op, long operand) {
        if (width == 8) {
            long old;
            do {
                old = UNSAFE.getLongVolatile(base, raw);
            } while (!UNSAFE.compareAndSwapLong(base, raw, old,
                            ByteOrderSupport.littleEndian(op.apply(ByteOrderSupport.littleEndian(old), operand))));
            return ByteOrderSupport.littleEndian(old);
        }
        if (width == 4) {
            int old;
            do {
                old = UNSAFE.getIntVolatile(base, raw);
            } while (!UNSAFE.compareAndSwapInt(base, raw, old,
                            ByteOrderSupport.littleEndian((int) op.apply(ByteOrderSupport.littleEndian(old), operand))));
            return ByteOrderSupport.littleEndian(old) & 0xFFFF_FFFFL;
        }
        return subWordUpdate(base, raw, width, op, operand, 0, false);
    }

    /** Replaces the value with {@code replacement} if it equals {@code expected} (both wrapped to width); returns the old value. */
    static long compareExchange(Object base, long raw, int width, long expected, long replacement) {
        long mask = mask(width);
        if (width == 8) {
            long witness;
            do {
                witness = UNSAFE.getLongVolatile(base, raw);
                if (ByteOrderSupport.littleEndian(witness) != expected) {
                    return ByteOrderSupport.littleEndian(witness);
                }
            } while (!UNSAFE.compareAndSwapLong(base, raw, witness, ByteOrderSupport.littleEndian(replacement)));
            return expected;
        }
        if (width == 4) {
            int witness;
            do {
                witness = UNSAFE.getIntVolatile(base, raw);
                if ((ByteOrderSupport.littleEndian(witness) & mask) != (expected & mask)) {
                    return ByteOrderSupport.littleEndian(witness) & mask;
                }
            } while (!UNSAFE.compareAndSwapInt(base, raw, witness, ByteOrderSupport.littleEndian((int) replacement)));
            return expected & mask;
        }
        return subWordUpdate(base, raw, width, AtomicOp.XCHG, replacement, expected & mask, true);
    }

    /**
     * A 1- or 2-byte update as a CAS loop on the containing aligned 4-byte word. With
     * {@code compare}, the update only happens when the old value equals {@code expected}.
     */
    private static long subWordUpdate(Object base, long raw, int width, AtomicOp op, long operand, long expected, boolean compare) {
        long wordRaw = raw & ~3L;
        int byteInWord = (int) (raw - wordRaw);
        int shift = 8 * (ByteOrderSupport.NATIVE_IS_LITTLE ? byteInWord : 4 - width - byteInWord);
        int fieldMask = (int) (mask(width) << shift);
        while (true) {
            int word = UNSAFE.getIntVolatile(base, wordRaw);
            long old = ((word & fieldMask) >>> shift) & mask(width);
            if (width == 2 && !ByteOrderSupport.NATIVE_IS_LITTLE) {
                old = Short.reverseBytes((short) old) & 0xFFFFL;
            }
            if (compare && old != expected) {
                return old;
            }
            long updated = op.apply(old, operand) & mask(width);
            if (width == 2 && !ByteOrderSupport.NATIVE_IS_LITTLE) {
                updated = Short.reverseBytes((short) updated) & 0xFFFFL;
            }
            int newWord = (word & ~fieldMask) | (int) (updated << shift);
            if (UNSAFE.compareAndSwapInt(base, wordRaw, word, newWord)) {
                return old;
            }
        }
    }
}
