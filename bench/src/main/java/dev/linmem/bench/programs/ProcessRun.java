package dev.linmem.bench.programs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command with its standard streams on files, and measures its wall time and its CPU
 * time (user + system of the process and everything it waited for). The CPU time is the growth
 * of this JVM's "children" times in /proc/self/stat across the run: a child's times are added
 * there when it is reaped, which {@link Process#waitFor} waits for. Runs must not overlap.
 *
 * @param cpuSeconds NaN where /proc is missing
 * @param status the exit status, or -1 when the run was killed at its timeout
 */
public record ProcessRun(double wallSeconds, double cpuSeconds, int status, boolean timedOut) {

    /** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux this runs on). */
    private static final double TICKS = 100;

    public static ProcessRun run(List<String> command, Path stdin, Path stdout, Path stderr, Duration timeout)
                    throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(stdin.toFile()).redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile());
        double cpuBefore = childrenCpuSeconds();
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = childrenCpuSeconds() - cpuBefore;
        return new ProcessRun(wall, cpu, finished ? process.exitValue() : -1, !finished);
    }

    /** cutime + cstime of this process: the CPU time of its reaped children, in seconds; NaN without /proc. */
    static double childrenCpuSeconds() {
        try {
            return childrenCpuSeconds(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The children's CPU seconds in one /proc/PID/stat line (fields 16 and 17; the command name may hold spaces). */
    static double childrenCpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field N is fields[N - 3].
        return (Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3])) / TICKS;
    }
}
