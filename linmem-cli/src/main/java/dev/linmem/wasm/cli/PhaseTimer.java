package dev.linmem.wasm.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock time of the phases of one {@code linmem run} ({@code --timings}): each phase ends
 * when the next begins, so the phases add up to the run. The first phase is the time from the
 * JVM's start to the command (JVM boot, class loading, picocli); the JIT's background compilations
 * overlap with whichever phase they happen in.
 */
final class PhaseTimer {
    private record Phase(String name, long nanos) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private long lastNanos = System.nanoTime();

    /** Ends the first phase: from the JVM's start (as the runtime MXBean knows it, in ms) to now. */
    void sinceProcessStart(String name) {
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long sinceStartNanos = (System.currentTimeMillis() - startMillis) * 1_000_000L;
        phases.add(new Phase(name, sinceStartNanos));
        lastNanos = System.nanoTime();
    }

    /** Ends the current phase, which was {@code name}. */
    void end(String name) {
        long now = System.nanoTime();
        phases.add(new Phase(name, now - lastNanos));
        lastNanos = now;
    }

    void report(PrintStream out) {
        long total = 0;
        for (Phase phase : phases) {
            out.printf(Locale.ROOT, "linmem timings: %-26s %9.1f ms%n", phase.name(), phase.nanos() / 1e6);
            total += phase.nanos();
        }
        out.printf(Locale.ROOT, "linmem timings: %-26s %9.1f ms%n", "total", total / 1e6);
        out.flush();
    }
}
