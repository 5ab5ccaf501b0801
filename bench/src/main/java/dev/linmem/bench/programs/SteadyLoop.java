package dev.linmem.bench.programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The steady-state loop of a runner: warm-up runs, then measured runs, each a fresh instance of
 * the already decoded program in this one JVM, each with a fresh data directory and its standard
 * streams on files (as Node's loop must use, so that I/O costs the same kind of work), each
 * checked against Node's output. Prints one {@link SteadyLine} per run; the time is that of
 * instantiation and {@code _start} only.
 */
public final class SteadyLoop {
    private SteadyLoop() {
    }

    /** Runs the loop; returns whether every run printed Node's output and status. Stops at the first run that throws. */
    public static boolean run(WasiProgram program, WasiCommandLine.Steady steady, PrintStream report) throws IOException {
        byte[] expected = Files.readAllBytes(steady.expectStdout());
        Path scratch = Files.createTempDirectory("linmem-steady");
        Path out = scratch.resolve("stdout");
        Path err = scratch.resolve("stderr");
        boolean allSame = true;
        try {
            for (int i = 1; i <= steady.warmup() + steady.iterations(); i++) {
                if (steady.freshDir() != null) {
                    Directories.refill(steady.freshDir(), steady.template());
                }
                long start = 0;
                long nanos = 0;
                int status = -1;
                String failure = null;
                try (InputStream in = Files.newInputStream(steady.stdin());
                                OutputStream stdout = Files.newOutputStream(out);
                                OutputStream stderr = Files.newOutputStream(err)) {
                    start = System.nanoTime();
                    status = program.run(in, stdout, stderr);
                    nanos = System.nanoTime() - start;
                } catch (Exception | StackOverflowError e) {
                    nanos = System.nanoTime() - start;
                    failure = "failed: " + WasiRunnerMain.describe(e);
                }
                String difference = failure != null ? failure
                                : OutputCheck.difference(expected, steady.expectStatus(), Files.readAllBytes(out), status).orElse(null);
                if (difference != null && failure == null) {
                    difference += stderrExcerpt(err);
                }
                report.println(new SteadyLine(i, i <= steady.warmup(), nanos, status, difference).format());
                report.flush();
                allSame &= difference == null;
                if (failure != null) {
                    break;
                }
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(scratch);
        }
        return allSame;
    }

    private static String stderrExcerpt(Path err) throws IOException {
        byte[] bytes = Files.readAllBytes(err);
        return bytes.length == 0 ? "" : "; stderr \"" + OutputCheck.excerpt(bytes, 0, 300) + "\"";
    }
}
