package dev.linmem.fuzz.generate;

import java.io.ByteArrayOutputStream;

/** Reading and writing the unsigned LEB128 numbers of the wasm binary format. */
final class Leb128 {
    private Leb128() {
    }

    /** A decoded number and the offset just after it. */
    record Read(long value, int next) {
    }

    static Read readUnsigned(byte[] bytes, int offset) {
        long value = 0;
        int shift = 0;
        int at = offset;
        while (true) {
            if (at >= bytes.length) {
                throw new IllegalArgumentException("LEB128 number runs past the end at " + offset);
            }
            int b = bytes[at++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return new Read(value, at);
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalArgumentException("LEB128 number too long at " + offset);
            }
        }
    }

    static void writeUnsigned(ByteArrayOutputStream out, long value) {
        long rest = value;
        do {
            int b = (int) (rest & 0x7f);
            rest >>>= 7;
            out.write(rest != 0 ? b | 0x80 : b);
        } while (rest != 0);
    }

    static byte[] unsigned(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeUnsigned(out, value);
        return out.toByteArray();
    }
}
