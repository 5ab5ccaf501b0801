package dev.linmem.bench.programs;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The main method of every in-JVM runner (GraalWasm, Chicory, linmem): parses the shared
 * {@link WasiCommandLine}, then runs the program once on this process's standard streams and exits
 * with its status, or runs the {@link SteadyLoop}. It runs on a thread with the same large stack
 * for every engine, as {@code bin/linmem run} does for deep recursion. Errors are one line on
 * standard error, never a stack trace: exit 2 for a usage error, 1 for a trap or engine failure.
 */
public final class WasiRunnerMain {
    /** The stack of the runner thread: what {@code bin/linmem run} gives linmem's default call depth (10,000 calls). */
    static final long STACK_BYTES = (1L << 20) + 10_000L * 1536 * 3 / 2;

    private WasiRunnerMain() {
    }

    /** Runs {@code args} with the engine {@code factory} makes, and exits the JVM with the program's status. */
    public static void main(String name, String[] args, boolean memoryOptions, WasiProgram.Factory factory) {
        AtomicInteger status = new AtomicInteger(1);
        Thread thread = new Thread(null, () -> status.set(run(name, args, memoryOptions, factory)), name, STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.exit(status.get());
    }

    private static int run(String name, String[] args, boolean memoryOptions, WasiProgram.Factory factory) {
        WasiCommandLine command;
        try {
            command = WasiCommandLine.parse(args, memoryOptions);
        } catch (WasiCommandLine.UsageException e) {
            System.err.println(name + ": " + e.getMessage());
            System.err.println("usage: " + name + (memoryOptions ? " [--memory static|dynamic] [--storage heap|native]" : "")
                            + " [--warmup W --iterations N --stdin FILE --expect-stdout FILE [--expect-status S] [--fresh DIR=TEMPLATE]]"
                            + " [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]");
            return 2;
        }
        try (WasiProgram program = factory.create(command)) {
            if (command.steady() != null) {
                return SteadyLoop.run(program, command.steady(), System.out) ? 0 : 1;
            }
            // The raw descriptors: the program's writes reach the file as it makes them, as under Node.
            OutputStream out = new FileOutputStream(FileDescriptor.out);
            OutputStream err = new FileOutputStream(FileDescriptor.err);
            return program.run(new FileInputStream(FileDescriptor.in), out, err);
        } catch (Exception | StackOverflowError e) {
            System.err.println(name + ": " + describe(e));
            return 1;
        }
    }

    /** An exception on one line: its class's simple name and message, and the same for its causes. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        return text.toString();
    }
}
