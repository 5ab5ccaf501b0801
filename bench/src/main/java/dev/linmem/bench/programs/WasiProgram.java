package dev.linmem.bench.programs;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One engine's WASI program, decoded (and for Chicory's compiler, compiled) once: each
 * {@link #run} makes a fresh instance and runs its {@code _start}, so that the steady-state loop
 * measures what a warm engine pays per run of the program.
 */
public interface WasiProgram extends AutoCloseable {

    /**
     * Runs {@code _start} of a new instance with these standard streams (the preopens, environment
     * and argv are the program's own); returns proc_exit's status, 0 when {@code _start} returns.
     * A trap or an engine failure is thrown.
     */
    int run(InputStream stdin, OutputStream stdout, OutputStream stderr) throws Exception;

    @Override
    default void close() throws Exception {
    }

    /** Makes an engine's program from the runner's command line. */
    @FunctionalInterface
    interface Factory {
        WasiProgram create(WasiCommandLine command) throws Exception;
    }
}
