package dev.linmem.memory;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * The one door to {@link Unsafe} in this library. Storage is addressed uniformly as
 * {@code (base, offset)}: for heap storage base is the {@code byte[]} and offset starts at
 * {@link #BYTE_ARRAY_BASE}; for native storage base is {@code null} and offset is the address.
 * Partial evaluation turns these calls into plain machine loads and stores (unlike
 * {@code MemorySegment} VarHandles, which it could not inline on this toolchain; see DESIGN.md).
 *
 * <p>Safety: nothing here checks bounds. Every caller has checked the whole accessed range
 * against the memory's current byte size, which never exceeds what the storage makes
 * accessible. Public so that {@code dev.linmem.memory.nodes} can use it; it is not API.
 */
public final class UnsafeAccess {
    public static final Unsafe UNSAFE = loadUnsafe();
    public static final long BYTE_ARRAY_BASE = Unsafe.ARRAY_BYTE_BASE_OFFSET;

    private UnsafeAccess() {
    }

    private static Unsafe loadUnsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
