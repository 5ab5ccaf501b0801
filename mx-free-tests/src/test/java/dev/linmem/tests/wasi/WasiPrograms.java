package dev.linmem.tests.wasi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.linmem.wasm.cli.Main;

/**
 * Builds the WASI test programs and runs them two ways: through {@code linmem run} (in-process,
 * {@link Main#execute}, with captured streams) and through Node's {@code node:wasi} on the same
 * binary with the same command line (src/test/wasi/node-wasi.mjs), the outside reference.
 *
 * <p>Builds: the project's C programs with src/test/wasi/build-c.sh into target/wasi-c; the
 * third-party programs with src/test/wasi/third-party/build.sh into the git-ignored
 * {@code .cache/wasi-third-party} at the repository's root, rebuilt only when the script changes.
 * A missing tool (clang, node, ...) fails the test with the script's message: CI installs them
 * (.ci/run).
 */
final class WasiPrograms {
    /** What one run printed and how it ended. */
    record Run(int exit, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private static Path ownPrograms;
    private static Path thirdParty;

    private WasiPrograms() {
    }

    /** The repository's root, found upwards from the working directory (tests run in mx-free-tests). */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mx-free-tests/src/test/wasi/node-wasi.mjs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the repository's root is not above " + Path.of("").toAbsolutePath());
    }

    static Path wasiSources() {
        return root().resolve("mx-free-tests/src/test/wasi");
    }

    /** The folder of the project's own programs (NAME.wasm for each c/NAME.c), built on first use. */
    static synchronized Path ownPrograms() {
        if (ownPrograms == null) {
            ownPrograms = Path.of(script(wasiSources().resolve("build-c.sh"), root().resolve("mx-free-tests/target/wasi-c").toString()));
        }
        return ownPrograms;
    }

    /** The folder of lua.wasm, zlib-example.wasm, minigzip.wasm and sqlite3.wasm, built (or found in the cache) on first use. */
    static synchronized Path thirdParty() {
        if (thirdParty == null) {
            thirdParty = Path.of(script(wasiSources().resolve("third-party/build.sh")));
        }
        return thirdParty;
    }

    /** Runs a build script; returns the last line it printed (the output folder). */
    private static String script(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessResult r = exec(command, null, 30);
        if (r.exit != 0) {
            fail(script.getFileName() + " failed (exit " + r.exit + "):\n" + r.stderr + new String(r.stdout, StandardCharsets.UTF_8));
        }
        List<String> lines = new String(r.stdout, StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    /** {@code linmem run ARGS...} in-process, with {@code stdin} as standard input. */
    static Run linmem(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(List.of(args));
        int exit = Main.execute(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), false, command.toArray(String[]::new));
        return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** The same command line under Node's node:wasi. */
    static Run node(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(node(), "--no-warnings"));
        if (nodeMajorVersion() < 20) {
            command.add("--experimental-wasi-unstable-preview1"); // Node 18 (Debian 12's nodejs) has WASI behind this flag
        }
        command.add(wasiSources().resolve("node-wasi.mjs").toString());
        command.addAll(List.of(args));
        ProcessResult r = exec(command, stdin, 10);
        return new Run(r.exit, r.stdout, r.stderr);
    }

    private static String node() {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "node"))) {
                return Path.of(dir, "node").toString();
            }
        }
        return fail("node is not on the PATH: the WASI programs are compared with Node's node:wasi (apt-get install nodejs)");
    }

    private static int nodeMajor = -1;

    private static synchronized int nodeMajorVersion() {
        if (nodeMajor < 0) {
            String version = new String(exec(List.of(node(), "--version"), null, 1).stdout, StandardCharsets.UTF_8).strip();
            nodeMajor = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
        }
        return nodeMajor;
    }

    /** A program's input: text lines. */
    static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    record ProcessResult(int exit, byte[] stdout, String stderr) {
    }

    /** Runs {@code command} with {@code stdin} (or none), killing it after {@code minutes}. */
    static ProcessResult exec(List<String> command, byte[] stdin, int minutes) {
        Path in = null;
        Path out = null;
        Path err = null;
        try {
            in = Files.write(Files.createTempFile("linmem-wasi", ".in"), stdin == null ? new byte[0] : stdin);
            out = Files.createTempFile("linmem-wasi", ".out");
            err = Files.createTempFile("linmem-wasi", ".err");
            Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                            .redirectError(err.toFile()).start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                fail("no end after " + minutes + " minutes: " + command);
            }
            return new ProcessResult(process.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("cannot run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: " + command);
        } finally {
            for (Path file : new Path[] {in, out, err}) {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // a temporary file left behind is harmless
                    }
                }
            }
        }
    }
}
