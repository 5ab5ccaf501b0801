package dev.linmem.tests.safety;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a memory must hold and what an access must give, computed without linmem: the matrix's
 * oracle. Pages that were never written read as zero and are not stored, so a memory grown past
 * 1 GiB costs the oracle nothing.
 */
final class Shadow {
    static final int PAGE = 65536;

    /** The result of one access: a value, or the trap text that the message must start with. */
    record Outcome(long value, String trap) {
        static Outcome value(long value) {
            return new Outcome(value, null);
        }

        static Outcome trap(String text) {
            return new Outcome(0, text);
        }

        boolean traps() {
            return trap != null;
        }
    }

    /** Bytes of the passive data segment that memory.init copies from. */
    static final byte[] PASSIVE_SEGMENT = new byte[16];
    /** Bytes of the active data segment written at address 0 at instantiation. */
    static final byte[] ACTIVE_SEGMENT = new byte[16];
    static {
        for (int i = 0; i < 16; i++) {
            ACTIVE_SEGMENT[i] = (byte) (i + 1);
            PASSIVE_SEGMENT[i] = (byte) (0xA0 + i);
        }
    }

    private final TreeMap<Long, byte[]> pages = new TreeMap<>();
    private long byteSize;
    private boolean closed;

    Shadow(long byteSize) {
        this.byteSize = byteSize;
        for (int i = 0; i < ACTIVE_SEGMENT.length; i++) {
            put(i, ACTIVE_SEGMENT[i]);
        }
    }

    long byteSize() {
        return byteSize;
    }

    void grownTo(long newByteSize) {
        byteSize = newByteSize;
    }

    /** Close leaves a memory of no bytes: every access traps. */
    void closed() {
        closed = true;
        byteSize = 0;
    }

    Map<Long, byte[]> touchedPages() {
        return pages;
    }

    byte get(long address) {
        byte[] page = pages.get(address / PAGE);
        return page == null ? 0 : page[(int) (address % PAGE)];
    }

    private void put(long address, byte value) {
        pages.computeIfAbsent(address / PAGE, p -> new byte[PAGE])[(int) (address % PAGE)] = value;
    }

    /** Whether {@code length} bytes at the unsigned {@code address + offset} lie inside the memory. */
    boolean inBounds(long address, long offset, long length) {
        return Long.compareUnsigned(length, byteSize) <= 0 && Long.compareUnsigned(offset, byteSize - length) <= 0 &&
                        Long.compareUnsigned(address, byteSize - length - offset) <= 0;
    }

    private String outOfBounds() {
        return closed ? "memory is closed" : "out of bounds memory access";
    }

    private long read(long address, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (get(address + i) & 0xFF);
        }
        return value;
    }

    private void write(long address, int width, long value) {
        for (int i = 0; i < width; i++) {
            put(address + i, (byte) (value >>> (8 * i)));
        }
    }

    private void writeStoredBytes(long address, int length) {
        for (int i = 0; i < length; i++) {
            put(address + i, (byte) Access.STORED_BYTE);
        }
    }

    /** One execution of {@code access} at {@code address}: its result, and its effect on this shadow. */
    Outcome apply(Access access, long address) {
        long offset = access.staticOffset;
        int width = access.width;
        if (access.isAtomic() && ((address + offset) & (width - 1)) != 0) {
            return Outcome.trap("unaligned atomic"); // the threads proposal checks alignment first
        }
        switch (access.family) {
            case COPY_TO:
                return copy(0, address, width);
            case COPY_FROM:
                return copy(address, 0, width);
            case INIT:
                if (!inBounds(address, 0, width)) {
                    return Outcome.trap(outOfBounds());
                }
                for (int i = 0; i < width; i++) {
                    put(address + i, PASSIVE_SEGMENT[i]);
                }
                return Outcome.value(0);
            default:
                break;
        }
        if (!inBounds(address, offset, width)) {
            return Outcome.trap(outOfBounds());
        }
        long ea = address + offset;
        long old = read(ea, width);
        switch (access) {
            case I32_LOAD, I64_LOAD, I32_LOAD8_U, I64_LOAD32_U, I32_LOAD_OFFSET, I32_ATOMIC_LOAD, HOST_READ:
                return Outcome.value(old);
            case I32_LOAD16_S:
                return Outcome.value((short) old & 0xFFFF_FFFFL); // sign-extended to i32, then the i32 zero-extended
            case I32_ATOMIC_RMW_ADD:
                write(ea, width, old + 1);
                return Outcome.value(old);
            case I64_ATOMIC_CMPXCHG:
                if (old == 0) {
                    writeStoredBytes(ea, width);
                }
                return Outcome.value(old);
            default: // stores, fill, host write: the stored byte everywhere
                writeStoredBytes(ea, width);
                return Outcome.value(0);
        }
    }

    private Outcome copy(long source, long destination, int length) {
        if (!inBounds(source, 0, length) || !inBounds(destination, 0, length)) {
            return Outcome.trap(outOfBounds());
        }
        byte[] buffer = new byte[length];
        for (int i = 0; i < length; i++) {
            buffer[i] = get(source + i);
        }
        for (int i = 0; i < length; i++) {
            put(destination + i, buffer[i]);
        }
        return Outcome.value(0);
    }
}
