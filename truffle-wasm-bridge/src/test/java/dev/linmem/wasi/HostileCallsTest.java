package dev.linmem.wasi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every WASI function called with arbitrary arguments (pointers at and past the end of memory,
 * huge lengths, unknown descriptors, flags and clocks) returns an errno: no Java exception
 * reaches the caller, whatever the guest passes. proc_exit and fatal signals are the exception
 * by design (they end the program with WasiExit).
 */
class HostileCallsTest {
    @TempDir
    Path dir;

    private static final long[] INTERESTING = {0, 1, 3, 4, 8, 0xfff0, 0xfffc, 0xffff, 0x10000, 0x7fffffff, 0x80000000L, 0xffffffffL,
        -1L, Long.MIN_VALUE, Long.MAX_VALUE};

    @Test
    void everyFunctionAnswersArbitraryArgumentsWithAnErrno() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        Files.createDirectory(dir.resolve("d"));
        Random random = new Random(20240601);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Guest guest = new Guest()) {
            WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().preopen(dir, "/").args("a", "b").env("K", "V").build());
            int calls = 0;
            for (Preview1Function function : Preview1Function.values()) {
                for (int round = 0; round < 300; round++) {
                    long[] args = new long[function.parameters().length()];
                    for (int i = 0; i < args.length; i++) {
                        long raw = switch (random.nextInt(4)) {
                            case 0 -> INTERESTING[random.nextInt(INTERESTING.length)];
                            case 1 -> random.nextInt(8); // small: descriptors, flags, clocks
                            case 2 -> random.nextInt(0x10000); // somewhere in the memory
                            default -> random.nextLong();
                        };
                        args[i] = function.parameters().charAt(i) == 'i' ? (int) raw : raw;
                    }
                    // Random junk in memory too: iovecs, subscriptions and paths are read from it.
                    byte[] junk = new byte[256];
                    random.nextBytes(junk);
                    guest.memory.write(random.nextInt(0x10000 - 256), junk, 0, 256);
                    // A junk clock subscription may ask to sleep for years: a watchdog interrupts it
                    // (the poll then answers INTR, which is an errno like any other).
                    Thread caller = Thread.currentThread();
                    ScheduledFuture<?> watchdog = function == Preview1Function.POLL_ONEOFF
                                    ? timer.schedule(caller::interrupt, 50, TimeUnit.MILLISECONDS) : null;
                    try {
                        int errno = function.invoker().invoke(wasi, guest.memory, args);
                        assertTrue(errno >= 0 && errno <= 76, function + " returned " + errno);
                    } catch (WasiExit exit) {
                        assertTrue(function == Preview1Function.PROC_EXIT || function == Preview1Function.PROC_RAISE, function + " exited");
                    } finally {
                        if (watchdog != null && !watchdog.cancel(false)) {
                            watchdog.get(); // it ran (or is running): let it finish before clearing the flag
                        }
                        Thread.interrupted();
                    }
                    calls++;
                }
            }
            assertTrue(calls > 10_000);
            wasi.close();
        } finally {
            timer.shutdownNow();
        }
    }
}
