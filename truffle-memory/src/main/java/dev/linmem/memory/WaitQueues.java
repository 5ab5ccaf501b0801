package dev.linmem.memory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The waiters of one shared memory, per address: {@code memory.atomic.wait} parks the thread
 * here, {@code memory.atomic.notify} wakes them in arrival order. One lock guards every queue of
 * the memory, and the waiter compares the memory's value to the expected one under that lock, so
 * a notify that follows the write the waiter was waiting for cannot slip in between the
 * comparison and the parking (no lost wake-up).
 */
final class WaitQueues {
    /** Results of wait, as wasm defines them. */
    static final int WOKEN = 0;
    static final int NOT_EQUAL = 1;
    static final int TIMED_OUT = 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, ArrayDeque<Waiter>> waiters = new HashMap<>();

    private static final class Waiter {
        final Condition wakeUp;
        boolean notified;

        Waiter(Condition wakeUp) {
            this.wakeUp = wakeUp;
        }
    }

    /**
     * Parks until notified or until {@code timeoutNanos} passed (negative: no timeout).
     *
     * @param currentValue reads the value at the address (called under the lock)
     * @throws InterruptedException when the thread is interrupted while parked; it is no longer queued then
     */
    int await(long address, LongSupplier currentValue, long expected, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            if (currentValue.getAsLong() != expected) {
                return NOT_EQUAL;
            }
            Waiter waiter = new Waiter(lock.newCondition());
            ArrayDeque<Waiter> queue = waiters.computeIfAbsent(address, a -> new ArrayDeque<>());
            queue.addLast(waiter);
            try {
                long remaining = timeoutNanos;
                while (!waiter.notified) {
                    if (timeoutNanos < 0) {
                        waiter.wakeUp.await();
                    } else if (remaining <= 0) {
                        return TIMED_OUT;
                    } else {
                        remaining = waiter.wakeUp.awaitNanos(remaining);
                    }
                }
                return WOKEN;
            } finally {
                if (!waiter.notified) {
                    remove(address, queue, waiter);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void remove(long address, ArrayDeque<Waiter> queue, Waiter waiter) {
        queue.remove(waiter);
        if (queue.isEmpty()) {
            waiters.remove(address);
        }
    }

    /** Wakes up to {@code count} (unsigned) waiters of the address, oldest first. @return how many woke */
    int notify(long address, long count) {
        lock.lock();
        try {
            ArrayDeque<Waiter> queue = waiters.get(address);
            int woken = 0;
            while (queue != null && !queue.isEmpty() && Long.compareUnsigned(woken, count) < 0) {
                Waiter waiter = queue.pollFirst();
                waiter.notified = true;
                waiter.wakeUp.signal();
                woken++;
            }
            if (queue != null && queue.isEmpty()) {
                waiters.remove(address);
            }
            return woken;
        } finally {
            lock.unlock();
        }
    }

}
