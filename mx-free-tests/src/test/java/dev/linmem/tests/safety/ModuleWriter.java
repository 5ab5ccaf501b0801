package dev.linmem.tests.safety;

import java.io.ByteArrayOutputStream;

/**
 * Just enough of the wasm binary format to write the safety matrix's modules in Java, so the
 * matrix needs no wabt and each case's module is exactly what the case names. Bytes are appended
 * to an instruction buffer ({@link #op}, {@link #u32}, ...) and wrapped into sections by the caller.
 */
final class ModuleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ModuleWriter op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    ModuleWriter u32(long value) {
        return uleb(value);
    }

    /** Unsigned LEB128 of the 64 bits of {@code value}. */
    ModuleWriter uleb(long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return this;
    }

    /** Signed LEB128, as i32.const and i64.const take. */
    ModuleWriter sleb(long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    ModuleWriter bytes(byte[] data) {
        out.writeBytes(data);
        return this;
    }

    ModuleWriter name(String name) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return u32(utf8.length).bytes(utf8);
    }

    /** Appends a section: its id, its size, its contents. */
    ModuleWriter section(int id, ModuleWriter contents) {
        byte[] body = contents.toBytes();
        return op(id).u32(body.length).bytes(body);
    }

    /** Appends a vector entry that carries its own size (a code section's function body). */
    ModuleWriter sized(ModuleWriter contents) {
        byte[] body = contents.toBytes();
        return u32(body.length).bytes(body);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
