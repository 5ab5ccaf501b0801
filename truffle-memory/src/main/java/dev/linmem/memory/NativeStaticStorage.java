package dev.linmem.memory;

import java.lang.ref.Cleaner;

/**
 * Static storage in one mmap reservation of the whole capacity, inaccessible (PROT_NONE) beyond
 * the memory's current size. A 4 GiB reservation costs address space only; pages are committed
 * when first touched.
 *
 * <p>Reuse in a pool (wasmtime's pooling allocator does the same): {@link #reset} only drops the
 * touched pages ({@code madvise(MADV_DONTNEED)}: they read zero when touched again) and leaves
 * the protection as it was, and {@link #makeAccessible} changes the protection only of the
 * pages whose access changes, so a slot reused at the same size makes one system call per use.
 */
final class NativeStaticStorage extends StaticStorage {
    private final long address;
    private final long capacityBytes;
    private final Cleaner.Cleanable unmap;
    /** Bytes (whole OS pages) now readable and writable from the base; everything past them is PROT_NONE. */
    private long accessibleBytes;

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
     * Drops the pages of {@code [0, touchedBytes)}: private anonymous pages read zero after
     * {@code MADV_DONTNEED}, and nothing past the touched size was ever accessible, hence ever
     * written. The protection stays for the next user's {@link #makeAccessible}.
     */
    @Override
    void reset(long touchedBytes) {
        NativeRegion.dropPages(address, Math.min(touchedBytes, capacityBytes));
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
