package dev.linmem.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/linmem run examples/hashsort.wasm}, the README's demo, in-process over every kind
 * of memory. The expected checksums are V8's (examples/build.sh prints them), an engine outside
 * this project: grow, fill, hash, merge sort and memory.copy must all be right to match.
 */
class ExampleTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"dynamic, heap", "dynamic, native", "static, native"})
    void hashsortReturnsV8sChecksumAndGrowsItsMemoryOnce(String memory, String storage) {
        String wasm = example().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", wasm, "--memory", memory, "--storage", storage, "--stats");
        String printed = out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        // 2 pages of stack and data, then 3 pages for two buffers of 30,000 words.
        assertTrue(printed.startsWith("-1869876858\nmemory 0 (exported as \"memory\"): 5 pages, grows 1, failedGrows 0,"), printed);

        out.reset();
        exit = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", wasm, "--invoke", "run", "--memory", memory, "--storage", storage, "1000", "7");
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertEquals("1030209404\n", out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    /** The example in the repository, found upwards from the working directory (tests run in mx-free-tests). */
    private static Path example() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve("hashsort.wasm");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/hashsort.wasm not found above " + Path.of("").toAbsolutePath());
    }
}
