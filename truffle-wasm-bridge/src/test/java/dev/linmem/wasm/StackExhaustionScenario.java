package dev.linmem.wasm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.linmem.memory.MemoryAllocator;

/**
 * The child side of {@link StackExhaustionTest}: in a fresh JVM, one runaway recursion of
 * {@code stack.wasm}, then proof that the engine is whole. Prints {@code KEY=value} lines for the
 * parent to check and exits 0, or prints the unexpected failure and exits 3.
 *
 * <p>Arguments: the export ({@code direct}, {@code mutual}, {@code indirect}, {@code big}); the
 * mode ({@code interpreted}: compilation off; {@code compiled}: compiled at the first call, before
 * the runaway; {@code warm}: background compilation after a few thousand shallow calls); the
 * thread ({@code main}; {@code thread}, a new thread with the JVM's default stack size; a stack
 * size in KiB for a new thread with a stack of that size; or {@code deep}, a new default thread
 * that makes the runaway call from the bottom of its own Java recursion, close to the end of its
 * stack, the way a host that is deep in its own frames would).
 */
public final class StackExhaustionScenario {
    private static final int SHALLOW = 10;

    private StackExhaustionScenario() {
    }

    public static void main(String[] args) throws Exception {
        String export = args[0];
        String mode = args[1];
        String thread = args[2];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable scenario = () -> {
            try {
                run(export, mode, thread.equals("deep"));
            } catch (Throwable t) {
                failure.set(t);
            }
        };
        if (thread.equals("main")) {
            scenario.run();
        } else {
            long stackBytes = thread.equals("thread") || thread.equals("deep") ? 0 : Long.parseLong(thread) * 1024;
            Thread worker = new Thread(null, scenario, "guest", stackBytes);
            worker.start();
            worker.join();
        }
        System.out.println("PEAK_RSS_KB=" + peakResidentKib());
        System.out.flush();
        if (failure.get() != null) {
            System.out.println("UNEXPECTED=" + failure.get());
            failure.get().printStackTrace();
            System.exit(3);
        }
        System.exit(0);
    }

    private static void run(String export, String mode, boolean fromDeepHostStack) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).options(options(mode)).logOutput(log).build()) {
            WasmInstance instance = TestModules.instantiate(engine, "stack");
            warmUp(instance, export, mode);
            Runaway runaway = new Runaway(instance, export);
            if (fromDeepHostStack) {
                HostRecursion host = new HostRecursion(runaway);
                host.descend(0);
                System.out.println("HOST_FRAMES_LEFT=" + HostRecursion.BACK_OFF + " (retries: " + host.retries + ")");
            } else {
                runaway.run();
            }
            // Printed here, on a shallow stack: formatting at the stack's end could fail on its own.
            System.out.println("KIND=" + (runaway.failure == null ? "none: the runaway recursion returned" : runaway.failure.kind()));
            if (runaway.failure != null) {
                System.out.println("MESSAGE=" + runaway.failure.getMessage());
                System.out.println("ELAPSED_MS=" + runaway.elapsedNanos / 1_000_000);
            }
            // The same instance, engine and thread: a normal call.
            System.out.println("AFTER_CALL=" + instance.invoke(export, SHALLOW)[0]);
            // A new instance in the same engine: new call targets, compiled at once in compiled mode.
            WasmInstance fresh = engine.instantiate(engine.decode(TestModules.bytes("stack"), "fresh"));
            System.out.println("FRESH_INSTANCE_CALL=" + fresh.invoke(export, SHALLOW)[0]);
            if (mode.equals("compiled")) {
                System.out.println("FRESH_INSTANCE_COMPILED=" + compiled(log, "fresh." + export));
            }
        }
        // A new engine that compiles at once: the JVM's Truffle runtime can still compile.
        System.out.println("NEW_ENGINE_COMPILED=" + compilesInNewEngine());
    }

    /** The runaway call; it records what happened and prints nothing. */
    private static final class Runaway implements Runnable {
        private final WasmInstance instance;
        private final String export;
        WasmException failure;
        long elapsedNanos;

        Runaway(WasmInstance instance, String export) {
            this.instance = instance;
            this.export = export;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            try {
                instance.invoke(export, -1);
            } catch (WasmException e) {
                elapsedNanos = System.nanoTime() - start;
                failure = e;
            }
        }
    }

    /**
     * Plain Java recursion down to the end of the stack; on the way back up from the
     * StackOverflowError, {@value #BACK_OFF} frames above the deepest one, it makes the runaway call.
     * If the host's own code overflows there, before or after the engine (converting the
     * arguments, entering the polyglot context), it tries again a frame higher: that overflow is
     * the host's, not the engine's. An overflow inside guest code never escapes the engine, so a
     * retry cannot hide one.
     */
    private static final class HostRecursion {
        static final int BACK_OFF = 200;
        private final Runnable atTheBottom;
        private int deepest;
        private boolean done;
        int retries;

        HostRecursion(Runnable atTheBottom) {
            this.atTheBottom = atTheBottom;
        }

        void descend(int depth) {
            deepest = Math.max(deepest, depth);
            try {
                descend(depth + 1);
            } catch (StackOverflowError e) {
                if (done || depth > deepest - BACK_OFF) {
                    throw e;
                }
                try {
                    atTheBottom.run();
                    done = true;
                } catch (StackOverflowError hostOverflow) {
                    retries++;
                    throw hostOverflow;
                }
            }
        }
    }

    private static Map<String, String> options(String mode) {
        Map<String, String> options = new HashMap<>();
        switch (mode) {
            case "interpreted" -> options.put("engine.Compilation", "false");
            case "compiled" -> {
                options.putAll(compileAtOnce());
                options.put("engine.TraceCompilation", "true");
            }
            case "warm" -> options.put("engine.BackgroundCompilation", "true");
            default -> throw new IllegalArgumentException("mode " + mode);
        }
        return options;
    }

    private static Map<String, String> compileAtOnce() {
        return Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false", "engine.MultiTier", "false",
                        "engine.CompilationFailureAction", "Throw");
    }

    /** Compiled mode compiles the export at its first call, here; warm mode calls it until the background compiler had time. */
    private static void warmUp(WasmInstance instance, String export, String mode) {
        int calls = switch (mode) {
            case "compiled" -> 1;
            case "warm" -> 3_000;
            default -> 0;
        };
        for (int i = 0; i < calls; i++) {
            instance.invoke(export, SHALLOW);
        }
    }

    private static boolean compilesInNewEngine() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, String> options = new HashMap<>(compileAtOnce());
        options.put("engine.TraceCompilation", "true");
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).options(options).logOutput(log).build()) {
            WasmInstance instance = engine.instantiate(engine.decode(TestModules.bytes("stack"), "other"));
            return (Integer) instance.invoke("direct", SHALLOW)[0] == SHALLOW && compiled(log, "other.direct");
        }
    }

    /** Whether the compilation trace shows a finished compilation of {@code function}. */
    private static boolean compiled(ByteArrayOutputStream log, String function) {
        return log.toString(StandardCharsets.UTF_8).lines().anyMatch(line -> line.contains("opt done") && line.contains(function + " "));
    }

    /** The process's peak resident set (VmHWM), or -1 where /proc does not tell. */
    private static long peakResidentKib() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
