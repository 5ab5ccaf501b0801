package dev.linmem.memory;

import java.lang.ref.Cleaner;

/**
 * Static storage in one mmap reservation of the whole capacity, inaccessible (PROT_NONE) beyond
 * the memory's current size. A 4 GiB reservation costs address space only; pages are committed
 * when first touched.
 */
final class NativeStaticStorage extends StaticStorage {
    private final long address;
    private final long capacityBytes;
    private final Cleaner.Cleanable unmap;

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

    @Override
    boolean makeAccessible(long oldByteSize, long newByteSize) {
        return newByteSize <= capacityBytes && NativeRegion.makeAccessible(address, newByteSize);
    }

    @Override
    void reset(long touchedBytes) {
        NativeRegion.discard(address, Math.min(touchedBytes, capacityBytes));
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
