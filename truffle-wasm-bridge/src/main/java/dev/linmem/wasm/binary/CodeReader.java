package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;

/**
 * Reads the primitive encodings of the WebAssembly binary format: bytes, LEB128 integers,
 * little-endian floats, names.
 *
 * <p>Two ways of use:
 * <ul>
 * <li>An instance is a checked cursor over {@code bytes[position, limit)}, used by the decoder:
 * every read is bounds- and format-checked and fails with a {@link WasmException} of kind
 * {@code MALFORMED} carrying the spec's message and the byte offset.</li>
 * <li>The static {@code *At} methods decode an immediate at a given offset <em>without</em> checks,
 * for the interpreter, which only reads bodies the validator has accepted. They are branch-light
 * loops over the array so partial evaluation can fold them when the offset is constant.</li>
 * </ul>
 */
public final class CodeReader {

    private final byte[] bytes;
    private int position;
    private int limit;

    /** A cursor over {@code bytes[position, limit)}; offsets stay absolute (into {@code bytes}). */
    public CodeReader(byte[] bytes, int position, int limit) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    public CodeReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The offset in bytes into {@link #bytes()} of the next byte to read. */
    public int position() {
        return position;
    }

    public void position(int newPosition) {
        this.position = newPosition;
    }

    /** The exclusive end offset of the readable range. */
    public int limit() {
        return limit;
    }

    public void limit(int newLimit) {
        this.limit = newLimit;
    }

    /** The number of bytes left before {@link #limit()}. */
    public int remaining() {
        return limit - position;
    }

    public boolean atEnd() {
        return position >= limit;
    }

    /** An error of kind MALFORMED at the current position. */
    public WasmException malformed(String message) {
        return WasmException.malformed(message, position);
    }

    private WasmException unexpectedEnd() {
        return WasmException.malformed("unexpected end of section or function", position);
    }

    /** Reads one byte, 0 to 255. */
    public int u8() {
        if (position >= limit) {
            throw unexpectedEnd();
        }
        return bytes[position++] & 0xFF;
    }

    /** The next byte without consuming it. */
    public int peekU8() {
        if (position >= limit) {
            throw unexpectedEnd();
        }
        return bytes[position] & 0xFF;
    }

    /** Skips {@code n} bytes, which must be there. */
    public void skip(int n) {
        if (n < 0 || n > remaining()) {
            throw unexpectedEnd();
        }
        position += n;
    }

    /** An unsigned 32-bit LEB128 (at most 5 bytes), returned as a non-negative long. */
    public long u32() {
        return unsignedLeb(32);
    }

    /** An unsigned 64-bit LEB128 (at most 10 bytes); values above 2^63-1 are negative longs. */
    public long u64() {
        return unsignedLeb(64);
    }

    /** A signed 32-bit LEB128 (at most 5 bytes). */
    public int s32() {
        return (int) signedLeb(32);
    }

    /** A signed 33-bit LEB128 (block types: a type index or a negative type code). */
    public long s33() {
        return signedLeb(33);
    }

    /** A signed 64-bit LEB128 (at most 10 bytes). */
    public long s64() {
        return signedLeb(64);
    }

    /**
     * An unsigned 32-bit LEB128 used as a count or index; returned as an int that may be negative
     * for values at or above 2^31 (callers compare it with what remains or with bounds).
     */
    public int u32AsInt() {
        return (int) u32();
    }

    private long unsignedLeb(int bits) {
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw WasmException.malformed("integer representation too long", position - 1);
                }
                int usedBits = bits - shift;
                if ((b >>> usedBits) != 0) {
                    throw WasmException.malformed("integer too large", position - 1);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
        throw new AssertionError("unreachable: the last byte returns or throws");
    }

    private long signedLeb(int bits) {
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw WasmException.malformed("integer representation too long", position - 1);
                }
                // The bits of the last byte beyond the value's width must all equal its sign bit.
                int usedBits = bits - shift;
                int signBit = (b >>> (usedBits - 1)) & 1;
                int unused = (b & 0x7F) >>> usedBits;
                int expected = signBit == 0 ? 0 : (0x7F >>> usedBits);
                if (unused != expected) {
                    throw WasmException.malformed("integer too large", position - 1);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw new AssertionError("unreachable: the last byte returns or throws");
    }

    /** The raw bits of a little-endian f32. */
    public int f32Bits() {
        if (remaining() < 4) {
            throw unexpectedEnd();
        }
        int v = readI32LEAt(bytes, position);
        position += 4;
        return v;
    }

    /** The raw bits of a little-endian f64. */
    public long f64Bits() {
        if (remaining() < 8) {
            throw unexpectedEnd();
        }
        long v = readI64LEAt(bytes, position);
        position += 8;
        return v;
    }

    /**
     * A vector length or byte count: a u32 that must not exceed the bytes left times
     * {@code minBytesPerElement}, so that no caller allocates for more elements than can exist.
     */
    public int count(int minBytesPerElement, String messageIfTooLong) {
        int at = position;
        long n = u32();
        if (n * minBytesPerElement > remaining()) {
            throw WasmException.malformed(messageIfTooLong, at);
        }
        return (int) n;
    }

    /** A name: a length-prefixed UTF-8 string, validated. */
    public String name() {
        int at = position;
        long length = u32();
        if (length > remaining()) {
            throw WasmException.malformed("length out of bounds", at);
        }
        int start = position;
        position += (int) length;
        return Utf8.decode(bytes, start, (int) length);
    }

    // ---- unchecked readers for validated code (the interpreter) ----

    /** The length in bytes of the LEB128 number at {@code offset} (validated code only). */
    public static int lebLengthAt(byte[] bytes, int offset) {
        int i = offset;
        while ((bytes[i] & 0x80) != 0) {
            i++;
        }
        return i - offset + 1;
    }

    /** The unsigned LEB128 u32 at {@code offset} (validated code only), as an int bit pattern. */
    public static int readU32At(byte[] bytes, int offset) {
        int result = 0;
        int shift = 0;
        int i = offset;
        int b;
        do {
            b = bytes[i++];
            result |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    /** The unsigned LEB128 u64 at {@code offset} (validated code only), as a long bit pattern. */
    public static long readU64At(byte[] bytes, int offset) {
        long result = 0;
        int shift = 0;
        int i = offset;
        int b;
        do {
            b = bytes[i++];
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    /** The signed LEB128 s32 at {@code offset} (validated code only). */
    public static int readS32At(byte[] bytes, int offset) {
        return (int) readS64At(bytes, offset);
    }

    /** The signed LEB128 s64 (or s33) at {@code offset} (validated code only). */
    public static long readS64At(byte[] bytes, int offset) {
        long result = 0;
        int shift = 0;
        int i = offset;
        int b;
        do {
            b = bytes[i++];
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** Four little-endian bytes at {@code offset} (f32 bits). */
    public static int readI32LEAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                        | (bytes[offset + 3] & 0xFF) << 24;
    }

    /** Eight little-endian bytes at {@code offset} (f64 bits). */
    public static long readI64LEAt(byte[] bytes, int offset) {
        return (readI32LEAt(bytes, offset) & 0xFFFFFFFFL) | (long) readI32LEAt(bytes, offset + 4) << 32;
    }
}
