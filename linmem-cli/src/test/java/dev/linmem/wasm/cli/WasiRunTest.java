package dev.linmem.wasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code linmem run} on a WASI program (echo.wat: prints argv and the first environment variable,
 * exits with argc), in-process with captured streams: argv, --env, --dir, exit status, --invoke.
 */
class WasiRunTest {
    record Result(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    /**
     * The WASI binding's test command (truffle-wasm-bridge's test resource echo.wasm, from echo.wat),
     * found from the working directory (tests run in linmem-cli) and copied to the test's folder.
     */
    private String echo() {
        Path file = dir.resolve("echo.wasm");
        if (!Files.exists(file)) {
            for (Path root = Path.of("").toAbsolutePath(); root != null; root = root.getParent()) {
                Path candidate = root.resolve("truffle-wasm-bridge/src/test/resources/dev/linmem/wasi/echo.wasm");
                if (Files.isRegularFile(candidate)) {
                    try {
                        Files.copy(candidate, file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return file.toString();
                }
            }
            throw new IllegalStateException("echo.wasm not found above " + Path.of("").toAbsolutePath());
        }
        return file.toString();
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.execute(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void argvIsTheFileAsWrittenThenTheArgumentsAndTheExitStatusIsProcExits() {
        String echo = echo();
        Result r = run("run", echo, "one", "-two", "--env", "NAME=value");
        assertEquals(3, r.exit, r.err);
        assertEquals(echo + " one -two\nNAME=value\n", r.out);
        assertEquals("", r.err);
    }

    @Test
    void argumentsAfterADoubleDashAreTheProgramsEvenWhenTheyLookLikeOptions() {
        String echo = echo();
        Result r = run("run", echo, "--", "--invoke", "--dir", "x");
        assertEquals(4, r.exit, r.err);
        assertEquals(echo + " --invoke --dir x\n", r.out);
    }

    @Test
    void invokeCallsAnExportOfAWasiProgramWithValues() {
        Result r = run("run", echo(), "--invoke", "bad_pointer");
        assertEquals(0, r.exit, r.err);
        assertEquals("21\n", r.out, "fd_write through a pointer out of bounds returns EFAULT (21), no trap");
    }

    @Test
    void badWasiOptionsAreUsageErrors() {
        Result missing = run("run", "--dir", dir.resolve("missing").toString(), echo());
        assertEquals(2, missing.exit);
        assertTrue(missing.err.startsWith("linmem: cannot preopen") && missing.err.lines().count() == 1, missing.err);
        Result env = run("run", "--env", "NOEQUALS", echo());
        assertEquals(2, env.exit);
        assertTrue(env.err.contains("expected NAME=VALUE"), env.err);
        Result repeat = run("run", "--repeat", "3", echo());
        assertEquals(2, repeat.exit);
        assertTrue(repeat.err.contains("--repeat needs --invoke"), repeat.err);
    }

    @Test
    void wasiOptionsOnAModuleWithoutWasiAreRefused() throws IOException {
        Path calc = dir.resolve("calc.wasm");
        try (InputStream in = WasiRunTest.class.getResourceAsStream("calc.wasm")) {
            Files.copy(in, calc);
        }
        Result r = run("run", "--dir", dir.toString(), calc.toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("imports nothing from wasi_snapshot_preview1"), r.err);
        assertEquals(0, run("run", calc.toString()).exit, "without them it runs as before");
    }

    @Test
    void aPreopenIsAccepted() {
        Result r = run("run", "--dir", dir + "::/data", echo(), "x");
        assertEquals(2, r.exit, r.err);
        assertEquals(echo() + " x\n", r.out);
    }
}
