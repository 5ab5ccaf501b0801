package dev.linmem.memory;

import java.lang.ref.Cleaner;

/**
 * Dynamic storage off the Java heap, laid out like wasmtime's dynamic memories: each block is a
 * large PROT_NONE reservation whose accessible prefix is exactly the memory's size. A grow that
 * fits the reservation only opens pages with {@code mprotect} (no copy, no move, compiled code
 * keeps its base); only a grow past the reservation maps a larger one, copies and unmaps the old.
 * A {@link Cleaner} unmaps whatever is still mapped if the memory is never closed.
 *
 * <p>Why reserve generously: address space is free until touched, while a move costs a copy of
 * every byte, a page fault per page of the new block, and an invalidation of compiled code.
 * The inaccessible rest of the reservation also keeps faulting on a wrong bounds check.
 */
final class NativeDynamicStorage extends DynamicStorage {
    /** Upper bound for reservations: far beyond any memory this machine could fill, well inside the address space. */
    static final long MAX_BYTES = 1L << 46;
    /**
     * Address space reserved beyond the requested size when a block is mapped (wasmtime's
     * {@code memory_reservation_for_growth} is 2 GiB): growing by up to this much never moves.
     */
    static final long GROWTH_RESERVATION_BYTES = 1L << 30;

    private final NativeBlock.Owner owner = new NativeBlock.Owner();
    private NativeBlock current = NativeBlock.EMPTY;
    private NativeBlock replaced = NativeBlock.EMPTY;

    NativeDynamicStorage() {
        owner.register(this);
    }

    @Override
    public Object base() {
        return null;
    }

    @Override
    public long baseOffset() {
        return current.address();
    }

    /** The reservation: the memory grows this far without moving. */
    @Override
    public long capacityBytes() {
        return current.bytes();
    }

    @Override
    public long maximumBytes() {
        return MAX_BYTES;
    }

    @Override
    public boolean isNative() {
        return true;
    }

    @Override
    protected boolean growTo(long oldByteSize, long newByteSize, long reserveLimitBytes) {
        if (newByteSize > MAX_BYTES) {
            return false;
        }
        if (newByteSize <= current.bytes()) {
            // in place: pages past the old size were never accessible, hence never written: they read zero
            return NativeRegion.makeAccessible(current.address(), newByteSize);
        }
        return move(oldByteSize, newByteSize, Math.min(reserveLimitBytes, MAX_BYTES));
    }

    /** Maps a larger reservation, opens {@code newByteSize} of it and copies the old bytes; all or nothing. */
    private boolean move(long oldByteSize, long newByteSize, long reserveLimitBytes) {
        NativeBlock grown = reserveLargest(newByteSize, reserveLimitBytes);
        if (grown == null) {
            return false;
        }
        if (!NativeRegion.makeAccessible(grown.address(), newByteSize)) {
            grown.unmap();
            return false;
        }
        UnsafeAccess.UNSAFE.copyMemory(current.address(), grown.address(), oldByteSize);
        replaced = current;
        current = grown;
        owner.set(current, replaced);
        return true;
    }

    /** The most generous reservation the system grants, falling back to exactly {@code newByteSize}. */
    private NativeBlock reserveLargest(long newByteSize, long reserveLimitBytes) {
        long generous = Math.max(reserveFor(current.bytes(), newByteSize, reserveLimitBytes),
                        Math.min(reserveLimitBytes, newByteSize + GROWTH_RESERVATION_BYTES));
        NativeBlock grown = NativeBlock.reserve(NativeRegion.roundUpToOsPage(generous));
        return grown != null ? grown : NativeBlock.reserve(NativeRegion.roundUpToOsPage(newByteSize));
    }

    @Override
    protected void freeReplaced() {
        replaced.unmap();
        replaced = NativeBlock.EMPTY;
        owner.set(current, replaced);
    }

    @Override
    protected void free() {
        owner.cleanNow();
        current = NativeBlock.EMPTY;
        replaced = NativeBlock.EMPTY;
    }
}
