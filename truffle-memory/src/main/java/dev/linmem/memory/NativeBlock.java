package dev.linmem.memory;

import java.lang.ref.Cleaner;

/**
 * A native reservation of {@code bytes} at {@code address}, inaccessible (PROT_NONE) until its
 * owner makes a prefix accessible; EMPTY reserves nothing. Reserving costs address space only,
 * so a dynamic memory reserves far more than it uses and most grows only open pages in place.
 */
record NativeBlock(long address, long bytes) {
    static final NativeBlock EMPTY = new NativeBlock(0, 0);
    static final Cleaner CLEANER = Cleaner.create();

    /** Reserves an inaccessible block, or null when the system has no address space left. */
    static NativeBlock reserve(long bytes) {
        long address = NativeRegion.reserve(bytes);
        return address == 0 ? null : new NativeBlock(address, bytes);
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
