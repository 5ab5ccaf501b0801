package dev.linmem.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;

/**
 * Static storage in one mmap reservation of the whole capacity, inaccessible (PROT_NONE) beyond
 * the memory's current size. A 4 GiB reservation costs address space only; pages are committed
 * when first touched.
 *
 * <p>Reuse in a pool (wasmtime's pooling allocator does the same): {@link #reset} zeroes a
 * bounded number of touched pages in place and drops the others, and leaves the protection as
 * it was, and {@link #makeAccessible} changes the protection only of the
 * pages whose access changes, so a slot reused at the same size makes one system call per use.
 */
final class NativeStaticStorage extends StaticStorage {
    private final long address;
    private final long capacityBytes;
    private final Cleaner.Cleanable unmap;
    /**
     * How many bytes of really touched pages a pool release zeroes in place and keeps resident,
     * instead of giving them back to the system: a reused slot's first accesses then do not
     * page-fault. Bounded, because zeroing costs in proportion and dropping does not.
     */
    static final long KEEP_RESIDENT_BYTES = 256 << 10;
    /** The lowest bit of each of 8 mincore bytes read as one long. */
    private static final long RESIDENT_BITS = 0x0101_0101_0101_0101L;

    /** Bytes (whole OS pages) now readable and writable from the base; everything past them is PROT_NONE. */
    private long accessibleBytes;
    private MemorySegment residency;

    private NativeStaticStorage(long address, long capacityBytes) {
        this.address = address;
        this.capacityBytes = capacityBytes;
        Unmap action = new Unmap(address, capacityBytes);
        this.unmap = NativeBlock.CLEANER.register(this, action);
    }

    /** Reserves {@code capacityBytes}, or returns null when the system has no address space left. */
    static NativeStaticStorage reserve(long capacityBytes) {
        long address = NativeRegion.reserve(capacityBytes);
        return address == 0 ? null : new NativeStaticStorage(address, capacityBytes);
    }

    @Override
    Object base() {
        return null;
    }

    @Override
    long baseOffset() {
        return address;
    }

    @Override
    long capacityBytes() {
        return capacityBytes;
    }

    @Override
    boolean isNative() {
        return true;
    }

    /**
     * Makes exactly {@code [0, newByteSize)} accessible (in whole OS pages). Growing opens only
     * the new pages; a reused pool slot may also close pages a previous, larger memory opened,
     * so that the guard behind the size is never weaker than for a fresh memory.
     */
    @Override
    boolean makeAccessible(long oldByteSize, long newByteSize) {
        if (newByteSize > capacityBytes) {
            return false;
        }
        long wanted = NativeRegion.roundUpToOsPage(newByteSize);
        if (wanted > accessibleBytes && !NativeRegion.makeAccessible(address + accessibleBytes, wanted - accessibleBytes)) {
            return false;
        }
        if (wanted < accessibleBytes) {
            NativeRegion.makeInaccessible(address + wanted, accessibleBytes - wanted);
        }
        accessibleBytes = wanted;
        return true;
    }

    /**
     * Zeroes {@code [0, touchedBytes)} for the slot's next user; nothing past the touched size
     * was ever accessible, hence ever written. Like wasmtime's {@code memory_keep_resident}, up
     * to {@link #KEEP_RESIDENT_BYTES} of the pages the memory really touched are zeroed in place
     * and stay resident (the next user does not fault on them); every other page of the range
     * is dropped ({@code MADV_DONTNEED}: private anonymous pages read zero afterwards).
     *
     * <p>Safe whatever {@code mincore} says: each page is either zeroed or dropped. Residency
     * only decides which, so a page swapped out meanwhile is dropped, never skipped.
     * The protection stays for the next user's {@link #makeAccessible}.
     */
    @Override
    void reset(long touchedBytes) {
        long pages = NativeRegion.roundUpToOsPage(Math.min(touchedBytes, capacityBytes)) / NativeRegion.OS_PAGE;
        if (pages == 0) {
            return;
        }
        long vector = residencyVector().address();
        NativeRegion.residency(address, pages * NativeRegion.OS_PAGE, vector);
        long budget = KEEP_RESIDENT_BYTES;
        long page = 0;
        while (page < pages) {
            long resident = nextResident(vector, page, pages);
            dropPages(page, resident);
            if (resident == pages) {
                return;
            }
            if (budget < NativeRegion.OS_PAGE) {
                dropPages(resident, pages); // over budget: drop the rest in one call
                return;
            }
            UnsafeAccess.UNSAFE.setMemory(address + resident * NativeRegion.OS_PAGE, NativeRegion.OS_PAGE, (byte) 0);
            budget -= NativeRegion.OS_PAGE;
            page = resident + 1;
        }
    }

    private void dropPages(long fromPage, long toPage) {
        if (toPage > fromPage) {
            NativeRegion.dropPages(address + fromPage * NativeRegion.OS_PAGE, (toPage - fromPage) * NativeRegion.OS_PAGE);
        }
    }

    /** The first page at or after {@code page} whose residency byte is set, or {@code pages}; skips 8 idle pages at a time. */
    private static long nextResident(long vector, long page, long pages) {
        long p = page;
        while (p + 8 <= pages && (UnsafeAccess.UNSAFE.getLong(vector + p) & RESIDENT_BITS) == 0) {
            p += 8;
        }
        while (p < pages && (UnsafeAccess.UNSAFE.getByte(vector + p) & 1) == 0) {
            p++;
        }
        return p;
    }

    /** One byte per OS page of the capacity, for mincore; made at the first reset (only pool slots reset), freed by the GC. */
    private MemorySegment residencyVector() {
        if (residency == null) {
            residency = Arena.ofAuto().allocate(NativeRegion.roundUpToOsPage(capacityBytes) / NativeRegion.OS_PAGE + 8, 8);
        }
        return residency;
    }

    @Override
    void free() {
        unmap.clean();
    }

    /** Unmaps the reservation; the Cleaner runs it exactly once, from free() or after the storage became unreachable. */
    private record Unmap(long address, long capacityBytes) implements Runnable {
        @Override
        public void run() {
            NativeRegion.release(address, capacityBytes);
        }
    }
}
