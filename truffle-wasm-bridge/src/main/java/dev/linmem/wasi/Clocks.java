package dev.linmem.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;

/**
 * The four WASI clocks on the JVM: REALTIME from {@link Instant#now()} (microseconds on Linux),
 * MONOTONIC from {@link System#nanoTime()} (CLOCK_MONOTONIC on Linux), THREAD_CPUTIME from the
 * thread MXBean, PROCESS_CPUTIME from the process's accumulated CPU time as the OS reports it
 * ({@link ProcessHandle}: clock ticks of 10 ms on Linux).
 */
final class Clocks {
    private static final long PROCESS_CPU_RESOLUTION = 10_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Clocks() {
    }

    static boolean isValid(int clock) {
        return clock >= Abi.CLOCK_REALTIME && clock <= Abi.CLOCK_THREAD_CPUTIME;
    }

    /** Resolution in nanoseconds. */
    static long resolution(int clock) throws WasiError {
        return switch (clock) {
            case Abi.CLOCK_REALTIME -> 1_000L;
            case Abi.CLOCK_MONOTONIC, Abi.CLOCK_THREAD_CPUTIME -> 1L;
            case Abi.CLOCK_PROCESS_CPUTIME -> PROCESS_CPU_RESOLUTION;
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    /** The clock's time in nanoseconds. */
    static long now(int clock) throws WasiError {
        return switch (clock) {
            case Abi.CLOCK_REALTIME -> realtime();
            case Abi.CLOCK_MONOTONIC -> System.nanoTime();
            case Abi.CLOCK_THREAD_CPUTIME -> THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            case Abi.CLOCK_PROCESS_CPUTIME -> ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElseGet(System::nanoTime);
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    static long realtime() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
