package dev.linmem.wasm.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.linmem.memory.MemoryAllocator;

/**
 * The engine's own run over the spec corpus (default /work/shared/wasm-spec/core, or the
 * directory in system property {@code linmem.spec.dir}): one test per script, failing with the
 * first failed commands. Skipped when the corpus is not on this machine.
 */
class SpecCorpusTest {
    static Stream<Path> scripts() throws IOException {
        Path dir = Path.of(System.getProperty("linmem.spec.dir", "/work/shared/wasm-spec/core"));
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        String only = System.getProperty("linmem.spec.only", "");
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).filter(p -> p.toString().contains(only)).sorted().toList();
            return list.stream();
        }
    }

    /** Polyglot options from {@code linmem.spec.options} ("k=v,k=v"), e.g. to compile every call target at once. */
    static Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        for (String pair : System.getProperty("linmem.spec.options", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                options.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return options;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void scriptPasses(Path script) throws IOException {
        Assumptions.assumeTrue(Files.exists(script));
        SpecScriptRunner.Result result = new SpecScriptRunner(script, MemoryAllocator.dynamicHeap(), options()).run();
        String summary = "SPEC " + result.file() + ": passed " + result.passed() + ", failed " + result.failed() + ", skipped " + result.skipped();
        System.out.println(summary);
        result.failures().forEach(f -> System.out.println("  " + f));
        assertTrue(result.failed() == 0, summary + "\n" + String.join("\n", result.failures()));
    }
}
