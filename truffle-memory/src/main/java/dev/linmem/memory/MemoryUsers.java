package dev.linmem.memory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Who uses a memory now, and so when its storage may be freed (see the package documentation,
 * "Threads, moves and freeing").
 *
 * <p>A thread {@linkplain #enter enters} a memory before it touches the storage and
 * {@linkplain #exit exits} after. An unshared memory admits one thread at a time: its owner, who
 * may enter again (a host function called by guest code) without counting. A shared memory admits
 * any number; it never moves, so its users only have to be counted. Close then frees the storage
 * at once when nobody is inside, or leaves that to the last user's exit: storage is never freed
 * while a thread can still hold its base.
 *
 * <p>The count and the closed flag live in one word, so "closed and nobody inside" is reached by
 * exactly one atomic update, and that update's thread frees: exactly once, never early.
 */
final class MemoryUsers {
    private static final long CLOSED = 1;
    private static final long ONE_USER = 2;
    private static final VarHandle STATE;
    private static final VarHandle OWNER;
    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(MemoryUsers.class, "state", long.class);
            OWNER = lookup.findVarHandle(MemoryUsers.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Whether one thread at a time (an unshared memory) or any number (a shared one). */
    private final boolean exclusive;
    /** Users inside, times {@link #ONE_USER}, plus {@link #CLOSED} once closed. */
    @SuppressWarnings("unused") private volatile long state;
    /** The thread inside an exclusive memory, or null. */
    private volatile Thread owner;
    /** Frees the storage; run once, by whoever sees the memory closed with nobody inside. */
    private final Runnable free;

    MemoryUsers(boolean exclusive, Runnable free) {
        this.exclusive = exclusive;
        this.free = free;
    }

    /** Whether the calling thread is inside this exclusive memory already (then entering again is free). */
    boolean ownedByCurrentThread() {
        return exclusive && owner == Thread.currentThread();
    }

    /**
     * Makes the calling thread a user. Returns false when it already was the owner of an exclusive
     * memory (then it must not {@link #exit}), true when the caller must {@link #exit} later.
     *
     * @throws MemoryInUseException when another thread owns this exclusive memory
     */
    boolean enter(LinearMemory memory) {
        if (exclusive && owner == Thread.currentThread()) {
            return false; // the common case in compiled code: a call within what the thread already owns
        }
        enterSlowly(memory);
        return true;
    }

    @TruffleBoundary
    private void enterSlowly(LinearMemory memory) {
        if (exclusive && !OWNER.compareAndSet(this, (Thread) null, Thread.currentThread())) {
            throw new MemoryInUseException(memory, owner);
        }
        STATE.getAndAdd(this, ONE_USER);
    }

    /** Ends a use that {@link #enter} counted; the last user of a closed memory frees the storage. */
    @TruffleBoundary
    void exit() {
        if (exclusive) {
            owner = null;
        }
        long after = (long) STATE.getAndAdd(this, -ONE_USER) - ONE_USER;
        if (after == CLOSED) {
            free.run();
        }
    }

    /** Marks the memory closed; frees the storage now when nobody is inside, else the last exit will. */
    @TruffleBoundary
    void close() {
        long before = (long) STATE.getAndBitwiseOr(this, CLOSED);
        if (before == 0) {
            free.run();
        }
    }
}
