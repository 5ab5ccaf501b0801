package dev.linmem.wasm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's {@code main} class in a JVM of its own, with this JVM's flags (the optimizing
 * runtime's) and class path, so that whatever the case does to its JVM (a poisoned runtime, a
 * crash, a runaway heap) fails that case only.
 */
final class ForkedJvm {
    /** What the child did: its exit code (-1 when it was killed at the time limit) and its output. */
    record Result(int exitCode, String stdout, String stderr) {
        /** The value of the line {@code KEY=value} the child printed, or null. */
        String value(String key) {
            for (String line : stdout.split("\\R")) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1);
                }
            }
            return null;
        }

        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private ForkedJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code args}; {@code extraJvmArgs} come after this JVM's own
     * flags, so they win (for example {@code -Xmx}).
     */
    static Result run(Class<?> mainClass, List<String> extraJvmArgs, Duration timeLimit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger or agent attached to this JVM must not be attached to the child too.
            if (!flag.startsWith("-agentlib") && !flag.startsWith("-javaagent") && !flag.startsWith("-Xrunjdwp")) {
                command.add(flag);
            }
        }
        command.addAll(extraJvmArgs);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("forked-jvm", ".out");
        Path err = Files.createTempFile("forked-jvm", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int exitCode;
            if (process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            } else {
                process.destroyForcibly().waitFor();
                exitCode = -1;
            }
            return new Result(exitCode, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Surefire names the real test class path in a property; java.class.path may be only its booter jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
