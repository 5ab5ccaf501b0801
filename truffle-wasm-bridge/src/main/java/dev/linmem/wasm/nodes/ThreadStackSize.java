package dev.linmem.wasm.nodes;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * The size of the current thread's stack, as the operating system reserved it: Java has no API
 * for it (a {@code Thread}'s requested size is private, and the main thread's comes from
 * {@code -Xss}), so this asks the C library ({@code pthread_getattr_np}, Linux). Elsewhere, or if
 * the call fails, the size is unknown and callers fall back to their configured limits.
 */
final class ThreadStackSize {
    /** Returned when the size cannot be found. */
    static final long UNKNOWN = -1;
    /** Larger than {@code pthread_attr_t} on every Linux ABI (56 bytes on x86-64, 64 on aarch64). */
    private static final long ATTR_BYTES = 128;

    private static final MethodHandle PTHREAD_SELF;
    private static final MethodHandle PTHREAD_GETATTR_NP;
    private static final MethodHandle PTHREAD_ATTR_GETSTACK;
    private static final MethodHandle PTHREAD_ATTR_DESTROY;

    static {
        MethodHandle self = null;
        MethodHandle getattr = null;
        MethodHandle getstack = null;
        MethodHandle destroy = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                self = linker.downcallHandle(libc.find("pthread_self").orElseThrow(), FunctionDescriptor.of(JAVA_LONG));
                getattr = linker.downcallHandle(libc.find("pthread_getattr_np").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
                getstack = linker.downcallHandle(libc.find("pthread_attr_getstack").orElseThrow(), FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
                destroy = linker.downcallHandle(libc.find("pthread_attr_destroy").orElseThrow(), FunctionDescriptor.of(JAVA_INT, ADDRESS));
            } catch (RuntimeException | Error e) {
                // No native access (--enable-native-access missing) or no such symbols: unknown sizes.
                self = null;
            }
        }
        PTHREAD_SELF = self;
        PTHREAD_GETATTR_NP = getattr;
        PTHREAD_ATTR_GETSTACK = getstack;
        PTHREAD_ATTR_DESTROY = destroy;
    }

    private ThreadStackSize() {
    }

    /** The current thread's stack size in bytes, guard zones included, or {@link #UNKNOWN}. */
    static long ofCurrentThread() {
        if (PTHREAD_SELF == null) {
            return UNKNOWN;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_BYTES, 16);
            if ((int) PTHREAD_GETATTR_NP.invokeExact((long) PTHREAD_SELF.invokeExact(), attr) != 0) {
                return UNKNOWN;
            }
            try {
                MemorySegment base = arena.allocate(ADDRESS);
                MemorySegment size = arena.allocate(JAVA_LONG);
                if ((int) PTHREAD_ATTR_GETSTACK.invokeExact(attr, base, size) != 0) {
                    return UNKNOWN;
                }
                return size.get(JAVA_LONG, 0);
            } finally {
                int ignored = (int) PTHREAD_ATTR_DESTROY.invokeExact(attr);
            }
        } catch (Throwable e) {
            return UNKNOWN;
        }
    }
}
