package dev.linmem.wasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** {@code linmem run} and {@code linmem spectest} in-process: exit codes and what they print. */
class MainTest {

    /** Exit code and captured output of one command line. */
    record Result(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    @Test
    void defaultExportIsMainAndItsResultIsPrinted() {
        Result r = run("run", module("calc"));
        assertEquals(0, r.exit, r.err);
        assertEquals("8\n", r.out);
    }

    @Test
    void argumentsAreParsedByParameterType() {
        assertEquals("-1\n", run("run", module("calc"), "--invoke", "add", "0xffffffff", "0").out);
        assertEquals("-9223372036854775808\n",
                run("run", module("calc"), "--invoke", "add64", "9223372036854775807", "1").out);
        assertEquals("-inf\n", run("run", module("calc"), "--invoke", "neg32", "inf").out);
        assertEquals("2.5\n", run("run", module("calc"), "--invoke", "neg32", "-2.5").out);
        assertEquals("nan\n", run("run", module("calc"), "--invoke", "div64", "0", "0").out);
    }

    @Test
    void everyResultGetsItsOwnLine() {
        Result r = run("run", module("calc"), "--invoke", "pair");
        assertEquals(0, r.exit, r.err);
        assertEquals("-1\n9223372036854775807\n", r.out);
    }

    @Test
    void timingsPrintEachPhaseToStandardErrorAndLeaveTheOutputAlone() {
        Result r = run("run", module("calc"), "--timings");
        assertEquals(0, r.exit, r.err);
        assertEquals("8\n", r.out);
        for (String phase : new String[] {"jvm start to main", "engine (polyglot context)", "decode and validate", "instantiate", "run main",
            "total"}) {
            String line = "linmem timings: " + java.util.regex.Pattern.quote(phase) + " +[0-9]+\\.[0-9] ms";
            assertTrue(r.err.lines().anyMatch(l -> l.matches(line)), phase + " in:\n" + r.err);
        }
        assertFalse(run("run", module("calc")).err.contains("linmem timings"), "only with --timings");
    }

    @Test
    void aTrapPrintsOneLineAndExitsOne() {
        Result r = run("run", module("calc"), "--invoke", "oob");
        assertEquals(1, r.exit);
        assertTrue(r.err.startsWith("linmem: trap: out of bounds memory access"), r.err);
        assertEquals(1, r.err.lines().count(), "one line, no stack trace: " + r.err);
        assertEquals("", r.out);
    }

    /** run calls on a thread with the stack for the default limit of 10,000, not on the main thread's 1 MiB (412 calls). */
    @Test
    void aRunawayRecursionPrintsOneLineAndExitsOne() {
        assertEquals("9999\n", run("run", module("runaway"), "9999").out);
        Result r = run("run", module("runaway"), "-1");
        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.startsWith("linmem: call stack exhausted: calling runaway.module.wasm.countdown would exceed the limit of 10000 nested calls"), r.err);
        assertTrue(r.err.contains("linmem-wasm.MaxCallDepth"), "names the option that raises it: " + r.err);
        assertEquals(1, r.err.lines().count(), "one line, no stack trace: " + r.err);
    }

    @Test
    void theCallDepthLimitIsAnEngineOption() {
        assertEquals("49\n", run("run", module("runaway"), "--engine-option", "linmem-wasm.MaxCallDepth=50", "49").out);
        Result over = run("run", module("runaway"), "--engine-option", "linmem-wasm.MaxCallDepth=50", "50");
        assertEquals(1, over.exit, over.err);
        assertTrue(over.err.contains("would exceed the limit of 50 nested calls"), over.err);
        Result bad = run("run", module("runaway"), "--engine-option", "linmem-wasm.MaxCallDepth=0", "1");
        assertEquals(2, bad.exit, bad.err);
        assertTrue(bad.err.startsWith("linmem: --engine-option: ") && bad.err.contains("between 1 and"), bad.err);
    }

    @Test
    void aMemoryTooLargeForHeapStorageExitsFourWithAHint() {
        Result heap = run("run", module("huge-memory"), "--storage", "heap");
        assertEquals(4, heap.exit, heap.err);
        assertTrue(heap.err.startsWith("linmem: " + module("huge-memory") + ": memory cannot be allocated: "), heap.err);
        assertTrue(heap.err.contains("needs native storage") && heap.err.contains("--storage native"), heap.err);
        assertEquals(1, heap.err.lines().count(), "one line, no stack trace: " + heap.err);
        assertEquals("", heap.out);

        Result nativeStorage = run("run", module("huge-memory"), "--storage", "native");
        assertEquals(0, nativeStorage.exit, nativeStorage.err);
        assertEquals("7\n", nativeStorage.out);
    }

    @Test
    void aMalformedModuleExitsTwoWithKindAndOffset() throws IOException {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'x', 1, 0, 0, 0});
        Result r = run("run", bad.toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("malformed module"), r.err);
        assertTrue(r.err.contains("byte offset"), r.err);
    }

    @Test
    void aTextModuleIsRefusedWithAHintToConvertIt() throws IOException {
        Path text = dir.resolve("add.wat");
        Files.writeString(text, "(module (func (export \"main\") (result i32) (i32.const 1)))\n");
        Result r = run("run", text.toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("add.wat: malformed module: magic header not detected: text format is not supported; convert it with wat2wasm"), r.err);
        assertEquals(1, r.err.lines().count(), r.err);
    }

    @Test
    void anInvalidModuleExitsTwo() {
        Result r = run("run", module("invalid"));
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("invalid module"), r.err);
    }

    @Test
    void aModuleWithAnUnsupportedFeatureExitsTwoNamingIt() {
        Result r = run("run", module("tagged"));
        assertEquals(2, r.exit);
        assertEquals(module("tagged") + ": unsupported feature: exception handling (tag section) at byte offset 22\n",
                r.err.substring("linmem: ".length()));
    }

    @Test
    void missingFilesAndBadArgumentsExitTwo() {
        Result missing = run("run", dir.resolve("nothing.wasm").toString());
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("no such file"), missing.err);

        Result notANumber = run("run", module("calc"), "--invoke", "add", "1", "two");
        assertEquals(2, notANumber.exit);
        assertTrue(notANumber.err.contains("'two' is not an i32"), notANumber.err);

        Result tooBig = run("run", module("calc"), "--invoke", "add", "1", "4294967296");
        assertEquals(2, tooBig.exit);
        assertTrue(tooBig.err.contains("out of range"), tooBig.err);

        Result count = run("run", module("calc"), "--invoke", "add", "1");
        assertEquals(2, count.exit);
        assertTrue(count.err.contains("takes 2 arguments (i32, i32), got 1"), count.err);

        Result noExport = run("run", module("calc"), "--invoke", "nope");
        assertEquals(2, noExport.exit);
        assertTrue(noExport.err.contains("no exported function 'nope'"), noExport.err);

        Result option = run("run", module("calc"), "--engine-option", "engine.NoSuchOption=1");
        assertEquals(2, option.exit);
        assertTrue(option.err.startsWith("linmem: --engine-option: "), option.err);

        assertEquals(2, run("run", module("calc"), "--storage", "disk").exit);
        assertEquals(2, run("run", module("calc"), "--frobnicate").exit);
        assertEquals(2, run().exit);
    }

    @Test
    void sharedMemoriesRunUnderTheDynamicDefault() {
        Result r = run("run", module("shared"), "--stats");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.startsWith("5\nmemory 0 (exported as \"memory\"): 1 pages, grows 0,"), r.out);
    }

    @Test
    void engineOptionsReachThePolyglotEngine() {
        Result r = run("run", module("calc"), "--engine-option", "engine.CompileImmediately=true",
                "--engine-option", "engine.BackgroundCompilation=false", "--invoke", "add", "40", "2");
        assertEquals(0, r.exit, r.err);
        assertEquals("42\n", r.out);
    }

    @Test
    void repeatPrintsTheFirstResultAndAMedianTime() {
        Result r = run("run", module("calc"), "--invoke", "add", "--repeat", "6", "20", "22");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.matches("42\nmedian of the last 3 of 6 calls: \\d+\\.\\d{3} ms\n"), r.out);
    }

    @Test
    void statsShowEachMemorysGrowth() {
        for (String kind : new String[] {"dynamic", "static"}) {
            Result r = run("run", module("calc"), "--stats", "--memory", kind, "--storage", "native");
            assertEquals(0, r.exit, r.err);
            assertTrue(r.out.startsWith("8\nmemory 0 (exported as \"memory\"): 2 pages, grows 1, failedGrows 0,"), r.out);
        }
    }

    @Test
    void spectestCountsCommandsAndFailsOnAWrongResult() throws IOException {
        Files.copy(Path.of(module("calc")), dir.resolve("calc.wasm"));
        Path good = dir.resolve("good.json");
        Files.writeString(good, script("\"5\""));
        Result pass = run("spectest", good.toString());
        assertEquals(0, pass.exit, pass.out + pass.err);
        assertTrue(pass.out.contains("PASS " + good + " (4 commands, 1 skipped: 1 text-format module)"), pass.out);
        assertTrue(pass.out.endsWith("3 passed, 0 failed, 1 skipped\n  1 skipped: text-format module\n"), pass.out);

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, script("\"6\""));
        Result fail = run("spectest", dir.toString());
        assertEquals(1, fail.exit);
        assertTrue(fail.out.contains("FAIL " + bad + ": 1 of 4 failed, 1 skipped: 1 text-format module"), fail.out);
        assertTrue(fail.out.contains("line 2 assert_return: add(i32:2, i32:3): expected [i32:6], got [i32:5]"), fail.out);
        assertTrue(fail.out.endsWith("5 passed, 1 failed, 2 skipped\n  2 skipped: text-format module\n"), fail.out);
        assertFalse(fail.out.contains("PASS " + bad), fail.out);
    }

    /** A script with a module, an assert_return expecting {@code sum} for 2 + 3, a trap and a text module. */
    private static String script(String sum) {
        return """
                {"source_filename": "t.wast", "commands": [
                 {"type": "module", "line": 1, "filename": "calc.wasm"},
                 {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "add",
                   "args": [{"type": "i32", "value": "2"}, {"type": "i32", "value": "3"}]},
                   "expected": [{"type": "i32", "value": %s}]},
                 {"type": "assert_trap", "line": 3, "action": {"type": "invoke", "field": "oob", "args": []},
                   "text": "out of bounds memory access", "expected": [{"type": "i32"}]},
                 {"type": "assert_malformed", "line": 4, "filename": "t.1.wat", "text": "unknown operator", "module_type": "text"}
                ]}
                """.formatted(sum);
    }

    /** Copies a test module out of the class path (it may sit in a jar) and returns its path. */
    private String module(String name) {
        Path file = dir.resolve(name + ".module.wasm");
        if (!Files.exists(file)) {
            try (InputStream in = MainTest.class.getResourceAsStream(name + ".wasm")) {
                Files.copy(in, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file.toString();
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
