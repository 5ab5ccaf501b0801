package dev.linmem.bench.programs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engines the real programs run on, and the command that runs a program on each: whole
 * process (what a user types) and the steady-state loop (one process, the program run again and
 * again). linmem runs whole-process through {@code bin/linmem run} on each of its memory kinds;
 * GraalWasm and Chicory through this module's runners, on the same JDK and Graal compiler jars
 * and JVM flags as linmem; Node through the tests' node-wasi.mjs.
 */
public enum ProgramEngine {
    NODE("node", "Node"),
    /** {@code bin/linmem run}'s default memory kind: dynamic, on the Java heap. */
    LINMEM("linmem", "linmem"),
    LINMEM_DYNAMIC_NATIVE("linmem-dynamic-native", "linmem dynamic native"),
    LINMEM_STATIC_HEAP("linmem-static-heap", "linmem static heap"),
    LINMEM_STATIC_NATIVE("linmem-static-native", "linmem static native"),
    GRAALWASM("graalwasm", "GraalWasm"),
    CHICORY_INTERPRETER("chicory", "Chicory interpreter"),
    CHICORY_COMPILER("chicory-compiler", "Chicory compiler");

    private final String id;
    private final String label;

    ProgramEngine(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name on the command line ({@code --engines}) and in the results file. */
    public String id() {
        return id;
    }

    /** The name in the report. */
    public String label() {
        return label;
    }

    public static ProgramEngine of(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("unknown engine " + id + " (engines: "
                                        + String.join(", ", Arrays.stream(values()).map(ProgramEngine::id).toList()) + ")"));
    }

    /** What the commands are made of: the checkout, the JDK, linmem's JVM flags and the bench class path. */
    public record Launch(Path root, Path java, List<String> jvmFlags, String classpath) {
    }

    /** The command that runs a program once, whole process; the program's command line follows it. */
    public List<String> wholeProcess(Launch launch) {
        List<String> command = new ArrayList<>();
        switch (this) {
            case NODE -> command.addAll(List.of("node", "--no-warnings",
                            launch.root().resolve("mx-free-tests/src/test/wasi/node-wasi.mjs").toString()));
            case LINMEM, LINMEM_DYNAMIC_NATIVE, LINMEM_STATIC_HEAP, LINMEM_STATIC_NATIVE -> {
                command.addAll(List.of(launch.root().resolve("bin/linmem").toString(), "run"));
                command.addAll(memoryOptions());
            }
            default -> command.addAll(inJvm(launch));
        }
        return command;
    }

    /** The command that runs the steady-state loop; its options and the program's command line follow it. */
    public List<String> steadyState(Launch launch) {
        List<String> command = new ArrayList<>();
        if (this == NODE) {
            command.addAll(List.of("node", "--no-warnings", launch.root().resolve("bench/time-to-result/node-steady.mjs").toString()));
        } else {
            command.addAll(inJvm(launch));
        }
        return command;
    }

    /** The runner in this module for a JVM engine: java, linmem's flags, the class path, the main class and its engine options. */
    private List<String> inJvm(Launch launch) {
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(launch.jvmFlags());
        command.addAll(List.of("-cp", launch.classpath()));
        switch (this) {
            case GRAALWASM -> command.add(GraalWasmWasiRun.class.getName());
            case CHICORY_INTERPRETER -> command.add(ChicoryWasiRun.class.getName());
            case CHICORY_COMPILER -> command.addAll(List.of(ChicoryWasiRun.class.getName(), "--compiler"));
            case NODE -> throw new IllegalStateException("Node is not a JVM engine");
            default -> {
                command.add(LinmemWasiRun.class.getName());
                command.addAll(this == LINMEM ? List.of("--memory", "dynamic", "--storage", "heap") : memoryOptions());
            }
        }
        return command;
    }

    /** {@code bin/linmem run}'s options for this memory kind; none for the default, so that it runs as a user types it. */
    private List<String> memoryOptions() {
        return switch (this) {
            case LINMEM_DYNAMIC_NATIVE -> List.of("--memory", "dynamic", "--storage", "native");
            case LINMEM_STATIC_HEAP -> List.of("--memory", "static", "--storage", "heap");
            case LINMEM_STATIC_NATIVE -> List.of("--memory", "static", "--storage", "native");
            default -> List.of();
        };
    }
}
