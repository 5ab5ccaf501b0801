package dev.linmem.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The freeing rule (package documentation, "Threads, moves and freeing"): an unshared memory has
 * one thread inside at a time, a shared one counts its threads, and storage is freed only when
 * the memory is closed and nobody is inside, exactly once.
 */
class OwnershipTest {
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    /** Runs {@code action} on another thread and returns what it threw, or null. */
    private static Throwable onAnotherThread(Runnable action) throws Exception {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "other");
        t.start();
        t.join();
        return thrown[0];
    }

    @ParameterizedTest
    @EnumSource(MemoryKind.class)
    void anUnsharedMemoryAdmitsOneThreadAtATime(MemoryKind kind) throws Exception {
        try (LinearMemory memory = kind.create(MemoryType.of(1, 4))) {
            assertTrue(memory.enter(), "the first entry counts");
            assertFalse(memory.enter(), "the owner enters again for free");
            assertTrue(memory.isOwnedByCurrentThread());
            memory.writeInt(0, 42); // the owner's host accesses are its own
            for (Runnable intruder : List.<Runnable>of(memory::enter, () -> memory.readInt(0), () -> memory.writeInt(0, 1),
                            () -> memory.grow(1), () -> memory.read(0, new byte[4], 0, 4))) {
                Throwable refused = onAnotherThread(intruder);
                assertTrue(refused instanceof MemoryInUseException, "another thread is refused, not let in: " + refused);
                assertTrue(refused.getMessage().contains("is in use by thread \"" + Thread.currentThread().getName() + "\""), refused.getMessage());
            }
            assertEquals(42, memory.readInt(0), "nothing the refused threads tried happened");
            assertEquals(1, memory.pages());
            memory.exit();
            assertFalse(memory.isOwnedByCurrentThread());
            assertEquals(null, onAnotherThread(() -> assertEquals(1, memory.grow(1))), "free again once the owner left");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MemoryKind.class, names = {"STATIC_HEAP", "STATIC_NATIVE"})
    void aSharedMemoryAdmitsEveryThread(MemoryKind kind) throws Exception {
        MemoryType shared = MemoryType.builder().minimumPages(1).maximumPages(4).shared(true).build();
        try (LinearMemory memory = kind.create(shared)) {
            assertTrue(memory.enter());
            assertEquals(null, onAnotherThread(() -> {
                assertTrue(memory.enter());
                memory.writeInt(8, 7);
                assertEquals(1, memory.grow(1));
                memory.exit();
            }));
            assertEquals(7, memory.readInt(8));
            memory.exit();
        }
    }

    /** Storage that counts its frees, so a test sees when (and how often) a memory freed it. */
    private static final class CountingStorage extends DynamicStorage {
        private final DynamicStorage inner = DynamicStorage.offHeap();
        final AtomicInteger frees = new AtomicInteger();

        @Override
        public Object base() {
            return inner.base();
        }

        @Override
        public long baseOffset() {
            return inner.baseOffset();
        }

        @Override
        public long capacityBytes() {
            return inner.capacityBytes();
        }

        @Override
        public long maximumBytes() {
            return inner.maximumBytes();
        }

        @Override
        public boolean isNative() {
            return true;
        }

        @Override
        protected boolean growTo(long oldByteSize, long newByteSize, long reserveLimitBytes) {
            return inner.growTo(oldByteSize, newByteSize, reserveLimitBytes);
        }

        @Override
        protected void freeReplaced() {
            inner.freeReplaced();
        }

        @Override
        protected void free() {
            frees.incrementAndGet();
            inner.free();
        }
    }

    @Test
    void closeWhileTheOwnerIsInsideFreesWhenItLeaves() throws Exception {
        CountingStorage storage = new CountingStorage();
        LinearMemory memory = DynamicMemory.create(MemoryType.of(1, 4), storage, MemoryLimiter.UNLIMITED);
        assertTrue(memory.enter());
        assertEquals(null, onAnotherThread(memory::close), "any thread may close");
        assertTrue(memory.isClosed());
        assertEquals(0, memory.byteSize(), "every later check traps");
        assertEquals(0, storage.frees.get(), "the owner is still inside: its bytes stay mapped");
        assertThrows(MemoryTrap.class, () -> memory.readInt(0));
        memory.exit();
        assertEquals(1, storage.frees.get(), "the last exit freed the storage");
        memory.close();
        assertEquals(1, storage.frees.get(), "exactly once");
    }

    @Test
    void aPoolSlotReturnsOnlyAfterItsLastUserLeft() throws Exception {
        MemoryType shared = MemoryType.builder().minimumPages(1).maximumPages(4).shared(true).build();
        try (MemoryPool pool = MemoryPool.offHeap(1, 4L * PAGE)) {
            StaticMemory memory = pool.allocate(shared);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread user = new Thread(() -> {
                memory.enter();
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                memory.exit();
            });
            user.start();
            inside.await();
            memory.close();
            assertEquals(0, pool.freeSlots(), "a thread is inside: the slot is not handed out again");
            release.countDown();
            user.join();
            assertEquals(1, pool.freeSlots(), "the last user's exit returned the slot");
        }
    }

    /**
     * Threads hammer a shared native memory through the host API while another closes it: each
     * access succeeds or traps, the JVM lives, the storage is freed once after the last access.
     */
    @Test
    void closingASharedMemoryUnderConcurrentAccessNeverFaults() throws Exception {
        MemoryType shared = MemoryType.builder().minimumPages(4).maximumPages(4).shared(true).build();
        for (int round = 0; round < 50; round++) {
            StaticMemory memory = StaticMemory.offHeap(shared, 4L * PAGE);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger traps = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int id = t;
                workers.add(threads.submit(() -> {
                    while (!stop.get()) {
                        try {
                            memory.writeLong(id * 8L, memory.readLong(4 * PAGE - 8) + 1);
                        } catch (MemoryTrap closed) {
                            traps.incrementAndGet();
                            return;
                        }
                    }
                }));
            }
            Thread.sleep(2);
            memory.close();
            for (Future<?> f : workers) {
                f.get(10, TimeUnit.SECONDS);
            }
            stop.set(true);
            threads.shutdown();
            assertEquals(3, traps.get(), "every worker saw the close as a trap");
        }
    }
}
