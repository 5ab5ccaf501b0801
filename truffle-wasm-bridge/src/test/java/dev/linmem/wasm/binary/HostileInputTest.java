package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.WasmException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Inputs built to make a decoder allocate, hang or crash: each must fail fast with a WasmException. */
class HostileInputTest {

    private static WasmException decodeFails(WasmException.Kind kind, byte[] bytes) {
        WasmException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes)));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.byteOffset() >= 0 && e.byteOffset() <= bytes.length, "offset within the input: " + e.byteOffset());
        return e;
    }

    private static void assertMessage(WasmException e, String... prefixes) {
        for (String p : prefixes) {
            if (e.getMessage().startsWith(p)) {
                return;
            }
        }
        throw new AssertionError("message \"" + e.getMessage() + "\" starts with none of " + String.join(", ", prefixes));
    }

    @Test
    void functionCountOf2To32Minus1InA20ByteFileFailsBeforeAllocating() {
        // function section: count 0xFFFFFFFF, then a few bytes; 20 bytes in all
        byte[] bytes = new Wasm().bytes(0x03, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x00).build();
        assertEquals(20, bytes.length);
        long before = usedHeap();
        WasmException e = decodeFails(WasmException.Kind.MALFORMED, bytes);
        assertMessage(e, "length out of bounds", "unexpected end");
        assertEquals(10, e.byteOffset(), "the count's offset");
        assertTrue(usedHeap() - before < 64L << 20, "no large allocation");
    }

    @Test
    void typeSectionCountLargerThanTheFileIsRefused() {
        byte[] bytes = new Wasm().bytes(0x01, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "length out of bounds", "unexpected end");
    }

    @Test
    void hugeLocalCountIsRefusedWithoutAllocation() {
        // one function with a local declaration of 0xFFFFFFFF i32s
        byte[] bytes = Wasm.singleFunction(new int[]{0x00, 0x00}, new int[]{0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B});
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "too many locals");
    }

    @Test
    void localCountsSummingPast2To32AreTooManyLocals() {
        byte[] bytes = Wasm.singleFunction(new int[]{0x00, 0x00},
                        new int[]{0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B});
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "too many locals");
    }

    @Test
    void brTableWithAHugeLabelCountIsRefused() {
        byte[] bytes = Wasm.singleFunction(new int[]{0x00, 0x00},
                        new int[]{0x00, 0x41, 0x00, 0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x0B});
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "length out of bounds", "unexpected end");
    }

    @Test
    void dataSegmentLongerThanTheSectionIsRefused() {
        // memory 1; data section: one active segment at i32.const 0 claiming 0x7FFFFFFF bytes
        byte[] bytes = new Wasm().section(5, 0x01, 0x00, 0x01)
                        .section(11, 0x01, 0x00, 0x41, 0x00, 0x0B, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "length out of bounds");
        // a length just one byte too long is read and runs into the end
        byte[] oneTooMany = new Wasm().section(5, 0x01, 0x00, 0x01).section(11, 0x01, 0x00, 0x41, 0x00, 0x0B, 0x03, 0x61, 0x62)
                        .build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, oneTooMany), "unexpected end");
    }

    @Test
    void simdIsRefusedNamingTheFeatureAndTheOffset() {
        // v128.const would follow 0xFD 0x0C
        int[] type = {0x00, 0x00};
        byte[] bytes = Wasm.singleFunction(type, new int[]{0x00, 0xFD, 0x0C, 0x00, 0x0B});
        WasmException e = decodeFails(WasmException.Kind.MALFORMED, bytes);
        int offset = Wasm.singleFunctionBodyOffset(type) + 1;
        assertEquals(offset, e.byteOffset());
        assertTrue(e.getMessage().startsWith("SIMD instructions are not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("0xfd") && e.getMessage().contains("0x" + Integer.toHexString(offset)), e.getMessage());
    }

    @Test
    void v128ValueTypeIsRefusedAsSimd() {
        byte[] bytes = new Wasm().section(1, 0x01, 0x60, 0x01, 0x7B, 0x00).build();
        WasmException e = decodeFails(WasmException.Kind.MALFORMED, bytes);
        assertTrue(e.getMessage().startsWith("SIMD instructions are not supported"), e.getMessage());
        assertEquals(13, e.byteOffset());
    }

    @Test
    void truncatedLebIsUnexpectedEnd() {
        byte[] bytes = new Wasm().bytes(0x01, 0x02, 0x80, 0x80).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "unexpected end");
    }

    @Test
    void truncatedSectionSizeIsUnexpectedEnd() {
        byte[] bytes = new Wasm().bytes(0x01, 0x80).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "unexpected end");
    }

    @Test
    void sixByteLebU32IsTooLong() {
        // function section: count 1, type index 0 encoded in 6 bytes
        byte[] bytes = new Wasm().section(1, 0x01, 0x60, 0x00, 0x00).section(3, 0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).build();
        WasmException e = decodeFails(WasmException.Kind.MALFORMED, bytes);
        assertMessage(e, "integer representation too long");
        assertEquals(21, e.byteOffset(), "offset of the fifth byte");
    }

    @Test
    void fiveByteLebU32WithHighBitsSetIsTooLarge() {
        byte[] bytes = new Wasm().section(1, 0x01, 0x60, 0x00, 0x00).section(3, 0x01, 0x80, 0x80, 0x80, 0x80, 0x10).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "integer too large");
    }

    @Test
    void signedLebWithBadSignBitsIsTooLarge() {
        // i32.const with a 5-byte s32 whose unused bits do not sign-extend (0x70 with bit 3 clear)
        byte[] bytes = Wasm.singleFunction(new int[]{0x00, 0x00},
                        new int[]{0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x1A, 0x0B});
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "integer too large");
    }

    @Test
    void emptyAndShortInputs() {
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, new byte[0]), "unexpected end");
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, new byte[]{0x00, 0x61, 0x73, 0x6D, 0x01}), "unexpected end");
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, new byte[]{0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0}),
                        "magic header not detected");
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, new byte[]{0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0}),
                        "unknown binary version");
    }

    @Test
    void theTextFormatIsRecognizedAndRefusedWithAHint() {
        for (String text : new String[]{"(module)", "\n  (module (func))", ";; a comment\n(module)", "\uFEFF(module)"}) {
            WasmException e = decodeFails(WasmException.Kind.MALFORMED, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("magic header not detected: text format is not supported; convert it with wat2wasm", e.getMessage());
        }
        assertEquals("magic header not detected", decodeFails(WasmException.Kind.MALFORMED, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMessage());
    }

    @Test
    void sectionsOutOfOrderOrRepeated() {
        byte[] repeated = new Wasm().section(1, 0x00).section(1, 0x00).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, repeated), "unexpected content after last section");
        byte[] outOfOrder = new Wasm().section(3, 0x00).section(1, 0x00).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, outOfOrder), "unexpected content after last section");
        byte[] badId = new Wasm().section(14, 0x00).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, badId), "malformed section id");
    }

    @Test
    void customSectionNameMustBeUtf8() {
        byte[] bytes = new Wasm().section(0, 0x02, 0xC0, 0x80).build(); // overlong encoding of U+0000
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, bytes), "malformed UTF-8 encoding");
        byte[] surrogate = new Wasm().section(0, 0x03, 0xED, 0xA0, 0x80).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, surrogate), "malformed UTF-8 encoding");
        byte[] truncated = new Wasm().section(0, 0x02, 0xE2, 0x82).build();
        assertMessage(decodeFails(WasmException.Kind.MALFORMED, truncated), "malformed UTF-8 encoding");
        ModuleDecoder.decode(new Wasm().section(0, 0x04, 0xF0, 0x9F, 0x98, 0x80, 0x01, 0x02).build());
    }

    @Test
    void deeplyNestedBlocksDoNotOverflowTheJavaStack() {
        int depth = 10_000;
        int[] body = new int[1 + depth * 2 + depth + 1];
        int i = 0;
        body[i++] = 0x00;
        for (int k = 0; k < depth; k++) {
            body[i++] = 0x02;
            body[i++] = 0x40;
        }
        for (int k = 0; k < depth; k++) {
            body[i++] = 0x0B;
        }
        body[i] = 0x0B;
        byte[] bytes = new Wasm().section(1, 0x01, 0x60, 0x00, 0x00).section(3, 0x01, 0x00).bytes(10)
                        .bytes(leb(body.length + 1 + leb(body.length).length)).bytes(0x01).bytes(leb(body.length)).bytes(body)
                        .build();
        assertEquals(1, ModuleDecoder.decode(bytes).functions().size());
    }

    private static int[] leb(int value) {
        int[] out = new int[5];
        int n = 0;
        int v = value;
        do {
            int b = v & 0x7F;
            v >>>= 7;
            out[n++] = v != 0 ? b | 0x80 : b;
        } while (v != 0);
        return java.util.Arrays.copyOf(out, n);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
