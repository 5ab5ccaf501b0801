package dev.linmem.wasm.cli;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasi.WasiConfig;
import dev.linmem.wasi.WasiExit;
import dev.linmem.wasi.WasiModule;
import dev.linmem.wasi.WasiPreview1;
import dev.linmem.wasm.Imports;
import dev.linmem.memory.MemoryStatistics;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmExport;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.language.WasmOptions;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.nodes.CallDepth;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code linmem run FILE.wasm [--invoke NAME] [ARGS...]}: instantiate a module and call one export.
 *
 * <p>A module that imports from {@code wasi_snapshot_preview1} is a WASI program and runs as
 * {@code wasmtime run} runs it: {@code _start} with argv[0] = FILE as written and ARGS after it,
 * this process's standard streams, the --dir preopens and the --env variables; the exit status is
 * proc_exit's, 0 when {@code _start} returns. With --invoke it gets WASI all the same, and the
 * named export is called with ARGS as values, as for any module.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Instantiate FILE.wasm and call an exported function (default: _start, else main, "
                + "else the only exported function); print its results one per line.",
            "A WASI program (one that imports wasi_snapshot_preview1) runs _start with ARGS as its arguments "
                + "and exits with its exit status; put -- before ARGS that look like linmem options."})
final class RunCommand implements Callable<Integer> {

    /** A mistake on the command line found after parsing (unknown export, wrong argument count). */
    private static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    MemoryChoice memory = new MemoryChoice();

    @Mixin
    WasiChoice wasi = new WasiChoice();

    /** The process's streams, which a WASI program reads and writes as bytes; set by Main. */
    private InputStream stdin = InputStream.nullInputStream();
    private PrintStream stdout = new PrintStream(OutputStream.nullOutputStream());
    private PrintStream stderr = new PrintStream(OutputStream.nullOutputStream());
    private boolean terminal;

    void streams(InputStream in, PrintStream out, PrintStream err, boolean isTerminal) {
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
        this.terminal = isTerminal;
    }

    @Parameters(index = "0", paramLabel = "FILE.wasm", description = "the module, in the binary format")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "arguments by the export's parameter types: i32/i64 decimal or 0x hex; f32/f64 decimal, nan, inf")
    List<String> args = new ArrayList<>();

    @Option(names = "--invoke", paramLabel = "NAME", description = "the exported function to call")
    String invoke;

    @Option(names = "--repeat", paramLabel = "N",
            description = "call N times; print the first call's results and the median time of the last half of the calls")
    Integer repeat;

    @Option(names = "--stats", description = "print each memory's statistics at exit")
    boolean stats;

    @Option(names = "--timings",
            description = "print to standard error how long each phase took: JVM start, engine, decode and validate, instantiate, run")
    boolean timings;

    /** The phases --timings reports, in order. */
    private final PhaseTimer phases = new PhaseTimer();

    @Option(names = "--engine-option", paramLabel = "KEY=VALUE",
            description = "a polyglot engine option, e.g. engine.TraceCompilation=true (repeatable)")
    Map<String, String> engineOptions = new LinkedHashMap<>();

    /**
     * Runs the command on a thread whose stack holds the call depth limit: the main thread's 1 MiB
     * would cut a recursive program off at 412 calls (see {@code CallDepth}).
     */
    @Override
    public Integer call() throws InterruptedException {
        FutureTask<Integer> command = new FutureTask<>(this::run);
        Thread thread = new Thread(null, command, "linmem-run", guestStackBytes());
        thread.start();
        thread.join();
        try {
            return command.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            } else if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** 2.25 KiB per call of the limit (linmem-wasm.MaxCallDepth, from --engine-option or its default) and 1 MiB more; 1 GiB at most. */
    private long guestStackBytes() {
        int limit = WasmOptions.DEFAULT_MAX_CALL_DEPTH;
        try {
            limit = Integer.parseInt(engineOptions.getOrDefault("linmem-wasm.MaxCallDepth", Integer.toString(limit)).trim());
        } catch (NumberFormatException e) {
            // The engine rejects the value with a proper message; any stack will do until then.
        }
        long bytes = (1L << 20) + (long) Math.max(limit, 1) * CallDepth.STACK_BYTES_PER_UNIT * 3 / 2;
        return Math.min(bytes, 1L << 30);
    }

    private Integer run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        phases.sinceProcessStart("jvm start to main");
        try {
            return runTimed(out, err);
        } finally {
            if (timings) {
                phases.report(stderr);
            }
        }
    }

    private Integer runTimed(PrintWriter out, PrintWriter err) {
        if (repeat != null && repeat < 1) {
            err.println("linmem: --repeat must be at least 1, not " + repeat);
            return Main.EXIT_USAGE;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("linmem: no such file: " + file);
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            err.println("linmem: cannot read " + file + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        RecordingAllocator allocator = new RecordingAllocator(memory.allocator());
        WasmInstance instance = null;
        WasmEngine engine;
        try {
            engine = createEngine(allocator);
            phases.end("engine (polyglot context)");
        } catch (UsageError e) {
            allocator.close();
            err.println("linmem: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try (allocator; engine) {
            // The engine allocates the built-in spectest module's memory itself: not the program's.
            int engineMemories = allocator.allocated().size();
            try {
                WasmModule module = engine.decode(bytes, file.getFileName().toString());
                phases.end("decode and validate");
                if (WasiChoice.imports(module)) {
                    return runWasi(out, engine, module);
                }
                if (wasi.given()) {
                    throw new UsageError("--dir and --env are for WASI programs, and " + file + " imports nothing from "
                            + WasiPreview1.MODULE_NAME);
                }
                instance = engine.instantiate(module);
                phases.end("instantiate");
                WasmExport export = chooseExport(instance);
                Object[] arguments = parseArguments(export);
                callAndPrint(out, instance, export.name(), arguments);
                phases.end("run " + export.name());
                return 0;
            } catch (UsageError e) {
                err.println("linmem: " + e.getMessage());
                return Main.EXIT_USAGE;
            } catch (WasmException e) {
                return report(err, e);
            } finally {
                out.flush();
                if (stats) {
                    printStatistics(out, allocator.allocated().subList(engineMemories, allocator.allocated().size()),
                            instance != null ? instance : wasiInstance);
                }
            }
        }
    }

    /**
     * Runs a WASI program: {@code _start}, or the --invoke export with ARGS as values. A trap is
     * reported as for any module (exit 1); proc_exit's status becomes the exit status. The
     * program's standard output is flushed on every write, so nothing is left to flush at exit.
     */
    private int runWasi(PrintWriter out, WasmEngine engine, WasmModule module) throws UsageError {
        if (invoke == null && repeat != null) {
            throw new UsageError("--repeat needs --invoke NAME for a WASI program: its _start runs once");
        }
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        if (invoke == null) {
            argv.addAll(args);
        }
        WasiConfig config;
        try {
            config = wasi.config(argv, stdin, stdout, stderr, terminal);
        } catch (IllegalArgumentException e) {
            throw new UsageError(oneLine(e.getMessage()));
        }
        try (WasiModule wasiModule = new WasiModule(config)) {
            WasmInstance instance = engine.instantiate(module, new Imports().hostModule(wasiModule));
            phases.end("instantiate");
            wasiInstance = instance;
            if (invoke != null) {
                WasmExport export = chooseExport(instance);
                callAndPrint(out, instance, export.name(), parseArguments(export));
                return 0;
            }
            if (!(module.export("_start") instanceof Export start) || start.kind() != ExternalKind.FUNCTION
                    || !module.functionType(start.index()).equals(new FuncType(new ValType[0], new ValType[0]))) {
                throw new UsageError(file + " imports WASI but exports no _start function of type [] -> [] (a reactor?); "
                        + "choose a function with --invoke NAME");
            }
            try {
                instance.invoke("_start");
            } finally {
                phases.end("run _start");
            }
            return 0;
        } catch (WasiExit exit) {
            return exit.status();
        } catch (IOException closing) {
            stderr.println("linmem: closing the program's files failed: " + oneLine(closing.getMessage()));
            return Main.EXIT_FAILURE;
        } finally {
            stdout.flush();
        }
    }

    /** The instance of a WASI program, for --stats. */
    private WasmInstance wasiInstance;

    private WasmEngine createEngine(RecordingAllocator allocator) throws UsageError {
        try {
            // spectest's print functions are for the spec suite; a program run prints its results only.
            return WasmEngine.builder().allocator(allocator).options(engineOptions).build();
        } catch (IllegalArgumentException e) {
            throw new UsageError("--engine-option: " + oneLine(e.getMessage()));
        }
    }

    private void callAndPrint(PrintWriter out, WasmInstance instance, String name, Object[] arguments) {
        int calls = repeat == null ? 1 : repeat;
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            Object[] results = instance.invoke(name, arguments);
            nanos[i] = System.nanoTime() - start;
            if (i == 0) {
                // Printed at once, so a trap in a later call still shows what the first returned.
                for (Object result : results) {
                    out.println(WasmValues.format(result));
                }
                out.flush();
            }
        }
        if (repeat != null) {
            // The first half is warm-up: the interpreter profiles and the JIT compiles there.
            long[] lastHalf = Arrays.copyOfRange(nanos, calls / 2, calls);
            Arrays.sort(lastHalf);
            double medianMillis = lastHalf[lastHalf.length / 2] / 1e6;
            out.printf("median of the last %d of %d calls: %.3f ms%n", lastHalf.length, calls, medianMillis);
        }
    }

    /**
     * Traps and call stack exhaustion exit 1; a module that cannot be loaded exits 2; a memory the
     * engine cannot allocate exits 4. One line each, no stack trace.
     */
    private int report(PrintWriter err, WasmException e) {
        String message = oneLine(e.getMessage());
        switch (e.kind()) {
            case TRAP -> {
                err.println("linmem: trap: " + message);
                return Main.EXIT_FAILURE;
            }
            case UNSUPPORTED -> {
                // "unsupported feature: NAME (construct) at byte offset N"
                err.println("linmem: " + file + ": " + message);
                return Main.EXIT_USAGE;
            }
            case EXHAUSTION -> {
                // The message starts with the spec's "call stack exhausted".
                err.println("linmem: " + message);
                return Main.EXIT_FAILURE;
            }
            case RESOURCE_LIMIT -> {
                err.println("linmem: " + file + ": " + message);
                return Main.EXIT_RESOURCE;
            }
            default -> {
                String offset = e.byteOffset() >= 0 ? " (at byte offset " + e.byteOffset() + ")" : "";
                String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT);
                err.println("linmem: " + file + ": " + kind + " module: " + message + offset);
                return Main.EXIT_USAGE;
            }
        }
    }

    private WasmExport chooseExport(WasmInstance instance) throws UsageError {
        List<WasmExport> functions = instance.exports().stream()
                .filter(e -> e.kind() == ExternalKind.FUNCTION)
                .toList();
        String names = functions.isEmpty() ? "none"
                : functions.stream().map(WasmExport::name).collect(Collectors.joining(", "));
        if (invoke != null) {
            return functions.stream().filter(e -> e.name().equals(invoke)).findFirst()
                    .orElseThrow(() -> new UsageError("no exported function '" + invoke + "' in " + file
                            + " (exported functions: " + names + ")"));
        }
        for (String preferred : List.of("_start", "main")) {
            for (WasmExport e : functions) {
                if (e.name().equals(preferred)) {
                    return e;
                }
            }
        }
        if (functions.size() == 1) {
            return functions.get(0);
        }
        throw new UsageError(file + " exports no _start or main and " + (functions.isEmpty() ? "no function"
                : functions.size() + " functions") + "; choose one with --invoke NAME (exported functions: " + names + ")");
    }

    private Object[] parseArguments(WasmExport export) throws UsageError {
        // A WASI program's _start never comes here: its ARGS are its argv, "--x" included.
        for (String arg : args) {
            // Unknown options reach ARGS (so that -1 and -inf can be arguments); no value starts with "--".
            if (arg.startsWith("--")) {
                throw new UsageError("unknown option '" + arg + "' (see linmem run --help)");
            }
        }
        List<ValType> params = export.params();
        if (params.size() != args.size()) {
            throw new UsageError(export.name() + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
                    + " (" + params.stream().map(WasmValues::name).collect(Collectors.joining(", ")) + "), got " + args.size());
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = WasmValues.parse(args.get(i), params.get(i));
            } catch (IllegalArgumentException e) {
                throw new UsageError("argument " + (i + 1) + " of " + export.name() + ": " + e.getMessage());
            }
        }
        return values;
    }

    private static void printStatistics(PrintWriter out, List<LinearMemory> memories, WasmInstance instance) {
        for (int i = 0; i < memories.size(); i++) {
            LinearMemory memory = memories.get(i);
            MemoryStatistics stats = memory.statistics();
            out.println("memory " + i + exportNames(instance, memory) + ": " + memory.pages() + " pages, grows " + stats.grows()
                    + ", failedGrows " + stats.failedGrows() + ", moves " + stats.moves()
                    + ", bytesCopiedByMoves " + stats.bytesCopiedByMoves() + ", invalidations " + stats.invalidations());
        }
        out.flush();
    }

    private static String exportNames(WasmInstance instance, LinearMemory memory) {
        if (instance == null) {
            return "";
        }
        String names = instance.exports().stream()
                .filter(e -> e.kind() == ExternalKind.MEMORY && instance.memory(e.name()) == memory)
                .map(e -> "\"" + e.name() + "\"")
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "" : " (exported as " + names + ")";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
