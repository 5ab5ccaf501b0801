package dev.linmem.bench.access;

import com.oracle.truffle.api.memory.ByteArraySupport;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import sun.misc.Unsafe;

/**
 * Hand-written little-endian access to the same kinds of storage linmem uses: the physical
 * limit linmem's nodes are measured against. The byte[] and MemorySegment baselines keep the
 * bounds checks their APIs make (as linmem must); Unsafe has none, so it is the floor.
 */
public sealed interface RawStorage extends AutoCloseable {
    int loadI32(long address);

    void storeI32(long address, int value);

    long loadI64(long address);

    void storeI64(long address, long value);

    @Override
    default void close() {
    }

    /** A byte[] through byte-array view VarHandles. */
    final class VarHandleArray implements RawStorage {
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private final byte[] bytes;

        public VarHandleArray(int byteSize) {
            bytes = new byte[byteSize];
        }

        public int loadI32(long address) {
            return (int) INT.get(bytes, (int) address);
        }

        public void storeI32(long address, int value) {
            INT.set(bytes, (int) address, value);
        }

        public long loadI64(long address) {
            return (long) LONG.get(bytes, (int) address);
        }

        public void storeI64(long address, long value) {
            LONG.set(bytes, (int) address, value);
        }
    }

    /** A byte[] through Truffle's ByteArraySupport (bounds-checked, little-endian). */
    final class TruffleByteArray implements RawStorage {
        private static final ByteArraySupport LE = ByteArraySupport.littleEndian();
        private final byte[] bytes;

        public TruffleByteArray(int byteSize) {
            bytes = new byte[byteSize];
        }

        public int loadI32(long address) {
            return LE.getInt(bytes, address);
        }

        public void storeI32(long address, int value) {
            LE.putInt(bytes, address, value);
        }

        public long loadI64(long address) {
            return LE.getLong(bytes, address);
        }

        public void storeI64(long address, long value) {
            LE.putLong(bytes, address, value);
        }
    }

    /**
     * Off-heap memory through sun.misc.Unsafe without bounds checks. The machine is little-endian
     * (x86-64), so native order is the wasm order and no byte swap is needed.
     */
    @SuppressWarnings("removal")
    final class UnsafeNative implements RawStorage {
        private static final Unsafe UNSAFE = unsafe();
        private final long base;

        public UnsafeNative(int byteSize) {
            base = UNSAFE.allocateMemory(byteSize);
            UNSAFE.setMemory(base, byteSize, (byte) 0);
        }

        public int loadI32(long address) {
            return UNSAFE.getInt(base + address);
        }

        public void storeI32(long address, int value) {
            UNSAFE.putInt(base + address, value);
        }

        public long loadI64(long address) {
            return UNSAFE.getLong(base + address);
        }

        public void storeI64(long address, long value) {
            UNSAFE.putLong(base + address, value);
        }

        @Override
        public void close() {
            UNSAFE.freeMemory(base);
        }

        private static Unsafe unsafe() {
            try {
                Field field = Unsafe.class.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                return (Unsafe) field.get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sun.misc.Unsafe is not available", e);
            }
        }
    }

    /** Off-heap memory through a MemorySegment of a shared arena (bounds- and liveness-checked). */
    final class SegmentNative implements RawStorage {
        private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private final Arena arena = Arena.ofShared();
        private final MemorySegment segment;

        public SegmentNative(int byteSize) {
            segment = arena.allocate(byteSize, 8);
        }

        public int loadI32(long address) {
            return segment.get(INT, address);
        }

        public void storeI32(long address, int value) {
            segment.set(INT, address, value);
        }

        public long loadI64(long address) {
            return segment.get(LONG, address);
        }

        public void storeI64(long address, long value) {
            segment.set(LONG, address, value);
        }

        @Override
        public void close() {
            arena.close();
        }
    }
}
