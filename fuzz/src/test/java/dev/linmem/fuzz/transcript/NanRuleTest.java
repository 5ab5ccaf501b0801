package dev.linmem.fuzz.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** Memory images may differ only inside NaNs, and only where both images hold a NaN. */
class NanRuleTest {
    private static byte[] image(int size) {
        return new byte[size];
    }

    private static void putF32(byte[] image, int at, int bits) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(at, bits);
    }

    private static void putF64(byte[] image, int at, long bits) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putLong(at, bits);
    }

    @Test
    void equalImagesAgree() {
        assertEquals(-1, NanRule.firstUnexplainedDifference(image(64), image(64)));
    }

    @Test
    void f32NansWithOtherPayloadsAndSignsAgreeAtAnyAlignment() {
        byte[] a = image(64);
        byte[] b = image(64);
        putF32(a, 13, 0x7fc00000);
        putF32(b, 13, 0xffc00001);
        assertEquals(-1, NanRule.firstUnexplainedDifference(a, b));
    }

    @Test
    void f64NansWithOtherPayloadsAgree() {
        byte[] a = image(64);
        byte[] b = image(64);
        putF64(a, 8, 0x7ff8000000000000L);
        putF64(b, 8, 0xfff800000000abcdL);
        assertEquals(-1, NanRule.firstUnexplainedDifference(a, b));
    }

    @Test
    void aNanOnOneSideOnlyIsADifference() {
        byte[] a = image(64);
        byte[] b = image(64);
        putF32(a, 4, 0x7fc00000);
        putF32(b, 4, 0x3f800000); // 1.0f
        assertEquals(6, NanRule.firstUnexplainedDifference(a, b));
    }

    @Test
    void aDifferenceBesideANanIsNotExcused() {
        byte[] a = image(64);
        byte[] b = image(64);
        putF32(a, 0, 0x7fc00000);
        putF32(b, 0, 0x7fc00000);
        b[20] = 1;
        assertEquals(20, NanRule.firstUnexplainedDifference(a, b));
    }

    @Test
    void imagesOfDifferentSizesDiffer() {
        assertEquals(64, NanRule.firstUnexplainedDifference(image(64), image(128)));
    }
}
