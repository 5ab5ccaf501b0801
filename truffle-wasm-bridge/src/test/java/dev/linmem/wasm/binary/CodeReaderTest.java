package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The checked (decoder) and unchecked (interpreter) readers agree on every value and length. */
class CodeReaderTest {

    private static byte[] unsignedLeb(long value, int padTo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        int n = 0;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            n++;
            boolean more = v != 0 || n < padTo;
            out.write(more ? b | 0x80 : b);
        } while (v != 0 || n < padTo);
        return out.toByteArray();
    }

    private static byte[] signedLeb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    @Test
    void checkedAndUncheckedReadersAgree() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long v64 = random.nextLong() >> random.nextInt(64);
            int v32 = (int) v64;
            byte[] s64 = signedLeb(v64);
            assertEquals(v64, new CodeReader(s64).s64());
            assertEquals(v64, CodeReader.readS64At(s64, 0));
            assertEquals(s64.length, CodeReader.lebLengthAt(s64, 0));
            byte[] s32 = signedLeb(v32);
            assertEquals(v32, new CodeReader(s32).s32());
            assertEquals(v32, CodeReader.readS32At(s32, 0));
            long u32 = v32 & 0xFFFF_FFFFL;
            byte[] u = unsignedLeb(u32, random.nextInt(6));
            if (u.length <= 5) {
                assertEquals(u32, new CodeReader(u).u32());
                assertEquals(v32, CodeReader.readU32At(u, 0));
            }
            byte[] u64 = unsignedLeb(v64, 0);
            assertEquals(v64, new CodeReader(u64).u64());
            assertEquals(v64, CodeReader.readU64At(u64, 0));
        }
    }

    @Test
    void s33BlockTypeIndexAndNegativeCodes() {
        assertEquals(-64, new CodeReader(new byte[]{0x40}).s33());
        assertEquals(-1, new CodeReader(new byte[]{0x7F}).s33());
        assertEquals(0xFFFF_FFFFL, new CodeReader(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}).s33());
    }

    @Test
    void memArgWithAndWithoutMemoryIndex() {
        // flags 2 (align 4), offset 300
        MemArg plain = MemArg.readAt(new byte[]{0x28, 0x02, (byte) 0xAC, 0x02}, 1);
        assertEquals(new MemArg(0, 2, 300, 3), plain);
        // flags 0x43 (align 8, memory index follows), memory 1, offset 2^40
        byte[] offset = unsignedLeb(1L << 40, 0);
        byte[] code = new byte[3 + offset.length];
        code[0] = 0x29;
        code[1] = 0x43;
        code[2] = 0x01;
        System.arraycopy(offset, 0, code, 3, offset.length);
        assertEquals(new MemArg(1, 3, 1L << 40, 2 + offset.length), MemArg.readAt(code, 1));
    }

    @Test
    void floatsAreLittleEndianBits() {
        byte[] b = {0x00, 0x00, (byte) 0x80, 0x3F};
        assertEquals(Float.floatToRawIntBits(1.0f), new CodeReader(b).f32Bits());
        assertEquals(Float.floatToRawIntBits(1.0f), CodeReader.readI32LEAt(b, 0));
        byte[] d = {0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F};
        assertEquals(Double.doubleToRawLongBits(1.0), new CodeReader(d).f64Bits());
    }
}
