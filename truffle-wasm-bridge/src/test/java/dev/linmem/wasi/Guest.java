package dev.linmem.wasi;

import java.nio.charset.StandardCharsets;

import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;

/**
 * A guest's side of WASI calls for tests: one page of linear memory with a bump allocator that
 * places strings, iovecs and result slots the way a C program's stack would.
 */
final class Guest implements AutoCloseable {
    final LinearMemory memory = DynamicMemory.onHeap(MemoryType.of(1, 1));
    private int next = 16;

    /** Reserves {@code size} bytes (8-aligned, zeroed) and returns their address. */
    int alloc(int size) {
        int at = next;
        next = (next + size + 7) & ~7;
        memory.fill(at, (byte) 0, size);
        return at;
    }

    int bytes(byte[] data) {
        int at = alloc(data.length);
        memory.write(at, data, 0, data.length);
        return at;
    }

    /** A string's UTF-8 bytes (no NUL): pass {@code str(s)} and {@code len(s)} for a path. */
    int str(String s) {
        return bytes(utf8(s));
    }

    static int len(String s) {
        return utf8(s).length;
    }

    /** An iovec array over fresh buffers holding {@code parts}. */
    int iovecs(byte[]... parts) {
        int array = alloc(parts.length * 8);
        for (int i = 0; i < parts.length; i++) {
            int buffer = bytes(parts[i]);
            memory.writeInt(array + 8L * i, buffer);
            memory.writeInt(array + 8L * i + 4, parts[i].length);
        }
        return array;
    }

    /** An iovec array of {@code sizes.length} empty buffers to read into. */
    int buffers(int... sizes) {
        int array = alloc(sizes.length * 8);
        for (int i = 0; i < sizes.length; i++) {
            memory.writeInt(array + 8L * i, alloc(sizes[i]));
            memory.writeInt(array + 8L * i + 4, sizes[i]);
        }
        return array;
    }

    /** The concatenated contents of the first {@code total} bytes of an iovec array's buffers. */
    String readIovecs(int array, int count, int total) {
        StringBuilder s = new StringBuilder();
        int left = total;
        for (int i = 0; i < count && left > 0; i++) {
            int buffer = memory.readInt(array + 8L * i);
            int length = Math.min(left, memory.readInt(array + 8L * i + 4));
            s.append(string(buffer, length));
            left -= length;
        }
        return s.toString();
    }

    String string(int address, int length) {
        byte[] b = new byte[length];
        memory.read(address, b, 0, length);
        return new String(b, StandardCharsets.UTF_8);
    }

    int i32(int address) {
        return memory.readInt(address);
    }

    long i64(int address) {
        return memory.readLong(address);
    }

    int u8(int address) {
        return memory.readByte(address) & 0xff;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        memory.close();
    }
}
