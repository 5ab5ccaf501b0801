package dev.linmem.memory;

import java.lang.ref.Cleaner;

/** A mapped, accessible native block of {@code bytes} at {@code address}; EMPTY maps nothing. */
record NativeBlock(long address, long bytes) {
    static final NativeBlock EMPTY = new NativeBlock(0, 0);
    static final Cleaner CLEANER = Cleaner.create();

    /** Reserves and opens a block, or null when the system has no room. */
    static NativeBlock map(long bytes) {
        long address = NativeRegion.reserve(bytes);
        if (address == 0) {
            return null;
        }
        if (!NativeRegion.makeAccessible(address, bytes)) {
            NativeRegion.release(address, bytes);
            return null;
        }
        return new NativeBlock(address, bytes);
    }

    void unmap() {
        if (bytes != 0) {
            NativeRegion.release(address, bytes);
        }
    }

    /**
     * Owns the blocks of one storage for the Cleaner: the cleaning action must not reach the
     * storage itself (or the storage would never become unreachable), so the blocks are kept
     * here, and the action unmaps them exactly once, whether run by close() or by the GC.
     */
    static final class Owner implements Runnable {
        private NativeBlock current = EMPTY;
        private NativeBlock replaced = EMPTY;
        private Cleaner.Cleanable cleanable;

        void register(Object storage) {
            cleanable = CLEANER.register(storage, this);
        }

        synchronized void set(NativeBlock newCurrent, NativeBlock newReplaced) {
            current = newCurrent;
            replaced = newReplaced;
        }

        /** Runs the cleaning action now; the Cleaner guarantees it runs at most once. */
        void cleanNow() {
            cleanable.clean();
        }

        @Override
        public synchronized void run() {
            current.unmap();
            replaced.unmap();
            current = EMPTY;
            replaced = EMPTY;
        }
    }
}
