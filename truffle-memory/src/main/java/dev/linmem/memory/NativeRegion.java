package dev.linmem.memory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Off-heap address space from the operating system: reserve a range with anonymous
 * {@code mmap(PROT_NONE)}, make a prefix of it readable and writable with {@code mprotect} as the
 * memory grows (wasmtime's {@code make_accessible}), give pages back with
 * {@code madvise(MADV_DONTNEED)}, and unmap it once.
 *
 * <p>Why mmap and not malloc: anonymous pages are zero and cost nothing until touched, so a
 * 4 GiB reservation is cheap, grow needs no zeroing, and the inaccessible rest of the
 * reservation faults instead of corrupting anything should a bounds check ever be wrong: a
 * second line of defence. The constants are Linux's (identical on x86-64 and AArch64); other
 * systems are refused with a clear message when native storage is requested.
 */
final class NativeRegion {
    private static final int PROT_NONE = 0;
    private static final int PROT_READ_WRITE = 1 | 2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_NORESERVE = 0x4000;
    private static final int MADV_DONTNEED = 4;
    /** Granularity of mprotect; wasm pages (64 KiB) are multiples of it. */
    static final long OS_PAGE = 4096;

    private static final AtomicLong RESERVED_BYTES = new AtomicLong();
    private static final AtomicLong ACCESSIBLE_REGIONS = new AtomicLong();

    private static final MethodHandle MMAP;
    private static final MethodHandle MPROTECT;
    private static final MethodHandle MADVISE;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MINCORE;
    private static final String UNSUPPORTED;

    static {
        String os = System.getProperty("os.name", "");
        MethodHandle mmap = null, mprotect = null, madvise = null, munmap = null, mincore = null;
        String unsupported = null;
        if (!os.toLowerCase().startsWith("linux")) {
            unsupported = "native memory storage needs Linux (mmap/mprotect); this is " + os;
        } else {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(),
                                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
                mprotect = linker.downcallHandle(libc.find("mprotect").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
                madvise = linker.downcallHandle(libc.find("madvise").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
                munmap = linker.downcallHandle(libc.find("munmap").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
                mincore = linker.downcallHandle(libc.find("mincore").orElseThrow(),
                                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG));
            } catch (RuntimeException | Error e) {
                unsupported = "native memory storage is unavailable: " + e;
            }
        }
        MMAP = mmap;
        MPROTECT = mprotect;
        MADVISE = madvise;
        MUNMAP = munmap;
        MINCORE = mincore;
        UNSUPPORTED = unsupported;
        assert ADDRESS.byteSize() == 8 && MemorySegment.NULL.address() == 0;
    }

    private NativeRegion() {
    }

    /** Bytes of address space currently reserved by all native storage (for leak tests and statistics). */
    static long reservedBytes() {
        return RESERVED_BYTES.get();
    }

    static long liveRegions() {
        return ACCESSIBLE_REGIONS.get();
    }

    static long roundUpToOsPage(long bytes) {
        return (bytes + OS_PAGE - 1) & -OS_PAGE;
    }

    /**
     * Reserves {@code bytes} (rounded up to OS pages) of inaccessible address space.
     *
     * @return the base address, or 0 when the system refuses (no address space left)
     * @throws UnsupportedOperationException on systems without mmap
     */
    static long reserve(long bytes) {
        if (UNSUPPORTED != null) {
            throw new UnsupportedOperationException(UNSUPPORTED);
        }
        long length = Math.max(OS_PAGE, roundUpToOsPage(bytes));
        long address;
        try {
            address = (long) MMAP.invokeExact(0L, length, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
        if (address == -1L || address == 0L) {
            return 0;
        }
        RESERVED_BYTES.addAndGet(length);
        ACCESSIBLE_REGIONS.incrementAndGet();
        return address;
    }

    /** Makes {@code [address, address + bytes)} readable and writable; false when the system refuses. */
    static boolean makeAccessible(long address, long bytes) {
        if (bytes == 0) {
            return true;
        }
        try {
            return (int) MPROTECT.invokeExact(address, roundUpToOsPage(bytes), PROT_READ_WRITE) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("mprotect failed", t);
        }
    }

    /** Makes {@code [address, address + bytes)} inaccessible again (whole OS pages); its pages stay until dropped. */
    static void makeInaccessible(long address, long bytes) {
        if (bytes == 0) {
            return;
        }
        try {
            if ((int) MPROTECT.invokeExact(address, roundUpToOsPage(bytes), PROT_NONE) != 0) {
                throw new IllegalStateException("mprotect refused to close " + bytes + " bytes");
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mprotect failed", t);
        }
    }

    /**
     * Gives the pages of {@code [address, address + bytes)} back to the system; the range keeps
     * its protection, and the next access of an accessible page reads zeros (anonymous private
     * mapping). Costs in proportion to the pages actually committed, not to the range.
     */
    static void dropPages(long address, long bytes) {
        if (bytes == 0) {
            return;
        }
        long length = roundUpToOsPage(bytes);
        try {
            if ((int) MADVISE.invokeExact(address, length, MADV_DONTNEED) != 0) {
                throw new IllegalStateException("madvise refused to drop " + length + " bytes");
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("madvise failed", t);
        }
    }

    /**
     * Writes into the native buffer at {@code vectorAddress} one byte per OS page of
     * {@code [address, address + bytes)}, whose lowest bit says whether the page is resident
     * ({@code mincore}). A hint only: a page may be swapped out or in right after.
     */
    static void residency(long address, long bytes, long vectorAddress) {
        try {
            if ((int) MINCORE.invokeExact(address, roundUpToOsPage(bytes), vectorAddress) != 0) {
                throw new IllegalStateException("mincore refused " + bytes + " bytes");
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mincore failed", t);
        }
    }

    /** Returns a reservation to the system. Called exactly once per reservation (see the storages' Cleaner actions). */
    static void release(long address, long reservedBytes) {
        long length = Math.max(OS_PAGE, roundUpToOsPage(reservedBytes));
        try {
            if ((int) MUNMAP.invokeExact(address, length) != 0) {
                throw new IllegalStateException("munmap refused " + length + " bytes at 0x" + Long.toHexString(address));
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed", t);
        }
        RESERVED_BYTES.addAndGet(-length);
        ACCESSIBLE_REGIONS.decrementAndGet();
    }
}
