package dev.linmem.bench.programs;

/**
 * One timed run of a program on an engine, as the results file keeps it.
 *
 * @param mode {@link #WHOLE} (one process, from launch to exit) or {@link #STEADY} (one run of the in-process loop)
 * @param round the round of the bench run it belongs to, from 1; every engine runs once per program in a round
 * @param iteration the loop's run, from 1 over warm-up and measured runs (1 for a whole-process run)
 * @param warmup whether the loop's run was a warm-up run (never counted)
 * @param seconds wall time
 * @param cpuSeconds user + system time of the process (whole-process runs; NaN for the loop's runs)
 * @param difference null when the run printed Node's output and exited with Node's status, else what differed
 */
public record Measurement(String program, String engine, String mode, int round, int iteration, boolean warmup, double seconds,
                double cpuSeconds, String difference) {
    public static final String WHOLE = "whole";
    public static final String STEADY = "steady";

    public boolean same() {
        return difference == null;
    }
}
