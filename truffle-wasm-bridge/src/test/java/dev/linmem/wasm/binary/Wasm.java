package dev.linmem.wasm.binary;

import java.io.ByteArrayOutputStream;

/** Assembles small binary modules by hand for tests: header, then sections given as raw bytes. */
final class Wasm {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Wasm() {
        bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    }

    /** Appends raw bytes (ints 0 to 255). */
    Wasm bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    /** Appends a section with a correct one-byte size (contents shorter than 128 bytes). */
    Wasm section(int id, int... contents) {
        if (contents.length >= 128) {
            throw new IllegalArgumentException("use a multi-byte size");
        }
        bytes(id, contents.length);
        return bytes(contents);
    }

    /** A module with one type {@code []->[]} or the given encoded type, one function, and the body. */
    static byte[] singleFunction(int[] type, int[] body) {
        int[] typeSection = concat(new int[]{0x01, 0x60}, type);
        int[] code = concat(new int[]{0x01, body.length}, body);
        return new Wasm().section(1, typeSection).section(3, 0x01, 0x00).section(10, code).build();
    }

    /** The offset at which {@link #singleFunction}'s body (its local declarations) starts. */
    static int singleFunctionBodyOffset(int[] type) {
        // header 8, type section 2 + 2 + type.length, function section 4, code section id+size 2, count 1, body size 1
        return 8 + 2 + 2 + type.length + 4 + 2 + 1 + 1;
    }

    static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    byte[] build() {
        return out.toByteArray();
    }
}
