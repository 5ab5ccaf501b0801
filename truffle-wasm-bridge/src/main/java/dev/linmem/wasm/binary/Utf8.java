package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;

/**
 * Strict UTF-8 validation for names, as the binary format requires: no overlong encodings, no
 * surrogates (U+D800 to U+DFFF), nothing above U+10FFFF. Java's decoder replaces bad input, so
 * the check is done here by hand.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Decodes {@code bytes[start, start + length)}, failing with "malformed UTF-8 encoding". */
    static String decode(byte[] bytes, int start, int length) {
        int end = start + length;
        int i = start;
        StringBuilder sb = new StringBuilder(length);
        while (i < end) {
            int b0 = bytes[i] & 0xFF;
            int codePoint;
            int extra;
            int minimum;
            if (b0 < 0x80) {
                codePoint = b0;
                extra = 0;
                minimum = 0;
            } else if (b0 >= 0xC2 && b0 <= 0xDF) {
                codePoint = b0 & 0x1F;
                extra = 1;
                minimum = 0x80;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                codePoint = b0 & 0x0F;
                extra = 2;
                minimum = 0x800;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                codePoint = b0 & 0x07;
                extra = 3;
                minimum = 0x10000;
            } else {
                throw malformed(i);
            }
            if (i + extra >= end) {
                throw malformed(i); // truncated sequence
            }
            for (int k = 1; k <= extra; k++) {
                int b = bytes[i + k] & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    throw malformed(i);
                }
                codePoint = (codePoint << 6) | (b & 0x3F);
            }
            if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw malformed(i);
            }
            sb.appendCodePoint(codePoint);
            i += extra + 1;
        }
        return sb.toString();
    }

    private static WasmException malformed(int offset) {
        return WasmException.malformed("malformed UTF-8 encoding", offset);
    }
}
