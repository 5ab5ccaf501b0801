package dev.linmem.fuzz.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external program (node, wasm-opt, npm) to completion or a timeout, capturing its output. */
public final class ProcessRunner {
    /** How a program ended; {@code timedOut} programs were killed, with their whole process tree. */
    public record Result(int exitCode, boolean timedOut, String stdout, String stderr) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** Exit code, stderr's last lines and whether it timed out, for error messages. */
        public String describe() {
            String tail = stderr.length() > 2000 ? "..." + stderr.substring(stderr.length() - 2000) : stderr;
            return (timedOut ? "timed out" : "exit code " + exitCode) + (tail.isBlank() ? "" : ": " + tail.strip());
        }
    }

    private ProcessRunner() {
    }

    public static Result run(List<String> command, Path directory, Duration timeout) {
        return run(command, directory, timeout, Map.of());
    }

    /** Runs {@code command} in {@code directory} with extra environment variables. */
    public static Result run(List<String> command, Path directory, Duration timeout, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        closeQuietly(process);
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            killTree(process.toHandle());
        }
        int exitCode;
        try {
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = -1;
        }
        return new Result(exitCode, !finished, stdout.join(), stderr.join());
    }

    /** Kills a process and every process it started. */
    public static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing to write to the program anyway
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
