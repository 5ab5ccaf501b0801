package dev.linmem.memory;

import java.lang.ref.Cleaner;

/**
 * Dynamic storage off the Java heap. Each block is an mmap reservation whose accessible prefix
 * covers the capacity; growing past the capacity maps a larger block, copies and unmaps the old
 * one. A {@link Cleaner} unmaps whatever is still mapped if the memory is never closed.
 */
final class NativeDynamicStorage extends DynamicStorage {
    /** Upper bound for reservations: far beyond any memory this machine could fill, well inside the address space. */
    static final long MAX_BYTES = 1L << 46;

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
            return true; // mapped pages beyond the old size were never written: they are zero
        }
        long reserve = NativeRegion.roundUpToOsPage(reserveFor(current.bytes(), newByteSize, Math.min(reserveLimitBytes, MAX_BYTES)));
        NativeBlock grown = NativeBlock.map(reserve);
        if (grown == null) {
            grown = NativeBlock.map(NativeRegion.roundUpToOsPage(newByteSize));
            if (grown == null) {
                return false;
            }
        }
        UnsafeAccess.UNSAFE.copyMemory(current.address(), grown.address(), oldByteSize);
        replaced = current;
        current = grown;
        owner.set(current, replaced);
        return true;
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
