package dev.linmem.tests.safety;

/**
 * The access kinds of the safety matrix: every way guest code (and the host) reaches a memory's
 * bytes. Each knows its encoding, how many bytes it touches at one address, and what it does, so
 * that {@link Shadow} can predict the memory and the results exactly.
 */
enum Access {
    I32_LOAD(Family.LOAD, 4, 0x28, 0),
    I64_LOAD(Family.LOAD, 8, 0x29, 0),
    I32_LOAD8_U(Family.LOAD, 1, 0x2D, 0),
    I32_LOAD16_S(Family.LOAD, 2, 0x2E, 0),
    I64_LOAD32_U(Family.LOAD, 4, 0x35, 0),
    /** A load with a static offset: the offset takes part in the check. */
    I32_LOAD_OFFSET(Family.LOAD, 4, 0x28, 0x10),
    I32_STORE(Family.STORE, 4, 0x36, 0),
    I64_STORE(Family.STORE, 8, 0x37, 0),
    I32_STORE8(Family.STORE, 1, 0x3A, 0),
    I64_STORE16(Family.STORE, 2, 0x3D, 0),
    I64_STORE_OFFSET(Family.STORE, 8, 0x37, 0x10),
    I32_ATOMIC_LOAD(Family.ATOMIC_LOAD, 4, 0x10, 0),
    I64_ATOMIC_STORE(Family.ATOMIC_STORE, 8, 0x18, 0),
    I32_ATOMIC_RMW_ADD(Family.ATOMIC_RMW_ADD, 4, 0x1E, 0),
    I64_ATOMIC_CMPXCHG(Family.ATOMIC_CMPXCHG, 8, 0x49, 0),
    /** memory.fill of {@link #BULK_LENGTH} bytes at the address. */
    FILL(Family.FILL, Bulk.LENGTH, 0x0B, 0),
    /** memory.copy from address 0 to the address. */
    COPY_TO(Family.COPY_TO, Bulk.LENGTH, 0x0A, 0),
    /** memory.copy from the address to address 0. */
    COPY_FROM(Family.COPY_FROM, Bulk.LENGTH, 0x0A, 0),
    /** memory.init of a passive segment's first bytes at the address. */
    INIT(Family.INIT, Bulk.LENGTH, 0x08, 0),
    /** LinearMemory.readLong from Java: the host's bounds-checked access. */
    HOST_READ(Family.HOST_READ, 8, 0, 0),
    /** LinearMemory.write of a byte[] from Java. */
    HOST_WRITE(Family.HOST_WRITE, Bulk.LENGTH, 0, 0);

    enum Family {
        LOAD, STORE, ATOMIC_LOAD, ATOMIC_STORE, ATOMIC_RMW_ADD, ATOMIC_CMPXCHG, FILL, COPY_TO, COPY_FROM, INIT, HOST_READ, HOST_WRITE
    }

    /** Sizes that the constants above need before the enum's own statics exist. */
    static final class Bulk {
        /** Bytes a bulk operation touches: more than one word, so partial overlaps with the end exist. */
        static final int LENGTH = 12;

        private Bulk() {
        }
    }

    /** The byte a store, fill or host write puts in every byte it writes. */
    static final int STORED_BYTE = 0x5A;

    final Family family;
    /** Bytes touched at one address. */
    final int width;
    /** The opcode after its prefix (0xFE atomics, 0xFC bulk), or the plain opcode. */
    final int opcode;
    /** The static offset of the memarg. */
    final long staticOffset;

    Access(Family family, int width, int opcode, long staticOffset) {
        this.family = family;
        this.width = width;
        this.opcode = opcode;
        this.staticOffset = staticOffset;
    }

    boolean isHost() {
        return family == Family.HOST_READ || family == Family.HOST_WRITE;
    }

    boolean isAtomic() {
        return family.name().startsWith("ATOMIC");
    }

    /** Whether it writes the memory (so a trap must be shown to have written nothing). */
    boolean writes() {
        return switch (family) {
            case LOAD, ATOMIC_LOAD, HOST_READ -> false;
            default -> true;
        };
    }

    /** The wasm value an i64-typed access kind works on (i64 opcodes), for the operand types. */
    boolean isI64() {
        return name().startsWith("I64");
    }
}
