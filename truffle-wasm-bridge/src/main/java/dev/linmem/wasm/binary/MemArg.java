package dev.linmem.wasm.binary;

/**
 * The memory argument of a load, store or atomic instruction, decoded from validated code.
 *
 * <p>Encoding: a u32 of flags (bits 0-5 the alignment exponent, bit 6 set when an explicit memory
 * index follows, as multi-memory defines), the optional u32 memory index, then the offset as a
 * u64 (memory64; for 32-bit memories the validator has checked it is below 2^32).
 *
 * @param memoryIndex the memory the instruction accesses
 * @param alignLog2 the alignment hint as a power of two (validated against the natural alignment)
 * @param offset the static offset in bytes, unsigned
 * @param encodedLength the number of bytes the memory argument takes in the binary
 */
public record MemArg(int memoryIndex, int alignLog2, long offset, int encodedLength) {

    /** Decodes the memory argument starting at {@code offset} (just after the opcode) of validated code. */
    public static MemArg readAt(byte[] bytes, int offset) {
        int p = offset;
        int flags = CodeReader.readU32At(bytes, p);
        p += CodeReader.lebLengthAt(bytes, p);
        int memoryIndex = 0;
        if ((flags & 0x40) != 0) {
            memoryIndex = CodeReader.readU32At(bytes, p);
            p += CodeReader.lebLengthAt(bytes, p);
        }
        long staticOffset = CodeReader.readU64At(bytes, p);
        p += CodeReader.lebLengthAt(bytes, p);
        return new MemArg(memoryIndex, flags & 0x3F, staticOffset, p - offset);
    }
}
