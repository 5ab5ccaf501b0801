package dev.linmem.wasi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.linmem.memory.LinearMemory;

/**
 * Reading and writing the guest's memory for WASI: pointers and lengths are the guest's u32s,
 * every range is checked before anything is read or written, and a range outside the memory is
 * {@link Errno#FAULT}. Checking output pointers before the operation they report on means a bad
 * pointer fails the call before it had any effect (no data read from a file and then lost).
 */
final class GuestMemory {
    /** Longest path accepted, in bytes: Linux's PATH_MAX. */
    static final int MAX_PATH_BYTES = 4096;

    private GuestMemory() {
    }

    /** The guest's u32 as an address. */
    static long address(int pointer) {
        return Integer.toUnsignedLong(pointer);
    }

    static void checkRange(LinearMemory memory, int pointer, long length) throws WasiError {
        long address = address(pointer);
        long size = memory.byteSize();
        if (length < 0 || length > size || address > size - length) {
            throw new WasiError(Errno.FAULT);
        }
    }

    /** Checks that {@code count} elements of {@code elementSize} bytes starting at {@code pointer} are in the memory. */
    static void checkArray(LinearMemory memory, int pointer, int count, int elementSize) throws WasiError {
        checkRange(memory, pointer, Integer.toUnsignedLong(count) * elementSize);
    }

    /** The guest's bytes at {@code pointer}, {@code length} of them, as a fresh array. */
    static byte[] readBytes(LinearMemory memory, int pointer, int length) throws WasiError {
        checkRange(memory, pointer, Integer.toUnsignedLong(length));
        byte[] bytes = new byte[length];
        memory.read(address(pointer), bytes, 0, length);
        return bytes;
    }

    /** A path the guest passed: UTF-8, no NUL, at most {@link #MAX_PATH_BYTES}. */
    static String readPath(LinearMemory memory, int pointer, int length) throws WasiError {
        checkRange(memory, pointer, Integer.toUnsignedLong(length));
        if (Integer.toUnsignedLong(length) > MAX_PATH_BYTES) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        byte[] bytes = readBytes(memory, pointer, length);
        for (byte b : bytes) {
            if (b == 0) {
                throw new WasiError(Errno.INVAL);
            }
        }
        return decodeUtf8(bytes);
    }

    static String decodeUtf8(byte[] bytes) throws WasiError {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }

    /**
     * Checks an array of {@code count} iovecs and every buffer it points to; returns the total of
     * their lengths (at most 2^32 - 1 per buffer, so the sum of a u32 count cannot overflow a long).
     */
    static long checkIovecs(LinearMemory memory, int iovs, int count) throws WasiError {
        checkArray(memory, iovs, count, Abi.IOVEC_SIZE);
        long total = 0;
        for (long i = 0; i < Integer.toUnsignedLong(count); i++) {
            long entry = address(iovs) + i * Abi.IOVEC_SIZE;
            int buffer = memory.readInt(entry);
            long length = Integer.toUnsignedLong(memory.readInt(entry + 4));
            checkRange(memory, buffer, length);
            total += length;
        }
        return total;
    }

    /** The buffer pointer of iovec {@code index} of the array at {@code iovs}. */
    static int iovecBuffer(LinearMemory memory, int iovs, long index) {
        return memory.readInt(address(iovs) + index * Abi.IOVEC_SIZE);
    }

    /** The length of iovec {@code index}, as an unsigned value. */
    static long iovecLength(LinearMemory memory, int iovs, long index) {
        return Integer.toUnsignedLong(memory.readInt(address(iovs) + index * Abi.IOVEC_SIZE + 4));
    }

    static void writeInt(LinearMemory memory, int pointer, int value) {
        memory.writeInt(address(pointer), value);
    }

    static void writeLong(LinearMemory memory, int pointer, long value) {
        memory.writeLong(address(pointer), value);
    }
}
