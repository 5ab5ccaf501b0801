package dev.linmem.memory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * A wasm trap raised by a memory access. The message starts with the spec's text, so that
 * test suites can compare by prefix, and goes on with what was accessed:
 * {@code out of bounds memory access: 4 bytes at 0x10000, memory size 65536}.
 *
 * <p>The factories are boundaries that return the exception, for {@code throw
 * MemoryTrap.outOfBounds(...)} in compiled code: the message is built only when the trap happens.
 */
public final class MemoryTrap extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        OUT_OF_BOUNDS("out of bounds memory access"),
        UNALIGNED_ATOMIC("unaligned atomic"),
        EXPECTED_SHARED_MEMORY("expected shared memory"),
        WAIT_INTERRUPTED("wait interrupted"),
        CLOSED("memory is closed");

        /** The spec's text, with which the message starts. */
        public final String specText;

        Kind(String specText) {
            this.specText = specText;
        }
    }

    private final Kind kind;
    private final long address;
    private final long length;
    private final long memoryByteSize;

    private MemoryTrap(Kind kind, String message, long address, long length, long memoryByteSize, Node location) {
        super(message, location);
        this.kind = kind;
        this.address = address;
        this.length = length;
        this.memoryByteSize = memoryByteSize;
    }

    /**
     * An access of {@code length} bytes at {@code address + offset} (unsigned, possibly beyond
     * 2^64) fell outside a memory of {@code byteSize} bytes, or the memory was closed.
     */
    @TruffleBoundary
    public static MemoryTrap outOfBounds(LinearMemory memory, long address, long offset, long length, Node location) {
        long byteSize = memory.byteSize();
        String where = describeAddress(address, offset);
        if (memory.isClosed()) {
            return new MemoryTrap(Kind.CLOSED, Kind.CLOSED.specText + ": access of " + Long.toUnsignedString(length) +
                            " bytes at " + where + " after close()", address + offset, length, 0, location);
        }
        String message = Kind.OUT_OF_BOUNDS.specText + ": " + Long.toUnsignedString(length) + " bytes at " + where +
                        ", memory size " + byteSize;
        return new MemoryTrap(Kind.OUT_OF_BOUNDS, message, address + offset, length, byteSize, location);
    }

    @TruffleBoundary
    public static MemoryTrap unalignedAtomic(long effectiveAddress, int width, Node location) {
        return new MemoryTrap(Kind.UNALIGNED_ATOMIC, Kind.UNALIGNED_ATOMIC.specText + ": " + width + " bytes at 0x" +
                        Long.toHexString(effectiveAddress), effectiveAddress, width, -1, location);
    }

    @TruffleBoundary
    public static MemoryTrap expectedShared(Node location) {
        return new MemoryTrap(Kind.EXPECTED_SHARED_MEMORY, Kind.EXPECTED_SHARED_MEMORY.specText +
                        ": memory.atomic.wait needs a shared memory", 0, 0, -1, location);
    }

    @TruffleBoundary
    public static MemoryTrap waitInterrupted(long effectiveAddress, Node location) {
        return new MemoryTrap(Kind.WAIT_INTERRUPTED, Kind.WAIT_INTERRUPTED.specText + ": the thread waiting at 0x" +
                        Long.toHexString(effectiveAddress) + " was interrupted", effectiveAddress, 0, -1, location);
    }

    private static String describeAddress(long address, long offset) {
        long sum = address + offset;
        if (Long.compareUnsigned(sum, address) < 0) { // the 64-bit sum wrapped: show both terms
            return "0x" + Long.toHexString(address) + " + offset 0x" + Long.toHexString(offset);
        }
        return "0x" + Long.toHexString(sum);
    }

    public Kind kind() {
        return kind;
    }

    /** The effective address (wrapped to 64 bits when the sum overflowed). */
    public long address() {
        return address;
    }

    /** How many bytes the access covered. */
    public long length() {
        return length;
    }

    /** The memory's size when the access trapped. */
    public long memoryByteSize() {
        return memoryByteSize;
    }
}
