package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linmem.wasm.WasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the decoder over the spec corpus's commands that concern decoding and validation: every
 * binary {@code module} must decode and validate, every binary {@code assert_malformed} and
 * {@code assert_invalid} must fail with that kind and a message starting with the expected text.
 * Text-format modules cannot be decoded by a binary decoder and are reported as skipped.
 */
class SpecCorpusDecodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicNode> core() throws IOException {
        return suite("core", WasmFeatures.ALL);
    }

    /** The threads proposal predates multi-memory and multiple tables: its suite expects both to be invalid. */
    @TestFactory
    Stream<DynamicNode> threads() throws IOException {
        return suite("threads", WasmFeatures.THREADS_PROPOSAL);
    }

    private static Stream<DynamicNode> suite(String name, WasmFeatures features) throws IOException {
        Path root = SpecCorpus.locate();
        assertNotNull(root, "shared/wasm-spec not found above " + Path.of("").toAbsolutePath());
        Path dir = root.resolve(name);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() > 0, "no spec JSON under " + dir);
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : files) {
            containers.add(DynamicContainer.dynamicContainer(dir.relativize(file).toString(), commands(file, features)));
        }
        return containers.stream();
    }

    private static List<DynamicNode> commands(Path jsonFile, WasmFeatures features) throws IOException {
        JsonNode root = JSON.readTree(jsonFile.toFile());
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode cmd : root.get("commands")) {
            String type = cmd.get("type").asText();
            if (!type.equals("module") && !type.equals("assert_malformed") && !type.equals("assert_invalid")) {
                continue;
            }
            String filename = cmd.path("filename").asText();
            String moduleType = cmd.path("module_type").asText("binary");
            String display = type + " line " + cmd.get("line").asInt() + " " + filename;
            Path wasm = jsonFile.resolveSibling(filename);
            if (!moduleType.equals("binary") || !filename.endsWith(".wasm")) {
                tests.add(DynamicTest.dynamicTest(display,
                                () -> Assumptions.abort("text-format module: a binary decoder cannot run it")));
                continue;
            }
            String expected = cmd.path("text").asText();
            tests.add(DynamicTest.dynamicTest(display, () -> run(type, wasm, expected, features)));
        }
        return tests;
    }

    private static void run(String type, Path wasm, String expectedText, WasmFeatures features) throws IOException {
        byte[] bytes = Files.readAllBytes(wasm);
        if (type.equals("module")) {
            ModuleDecoder.decode(bytes, features);
            return;
        }
        WasmException.Kind kind = type.equals("assert_malformed") ? WasmException.Kind.MALFORMED : WasmException.Kind.INVALID;
        WasmException e = assertThrows(WasmException.class, () -> ModuleDecoder.decode(bytes, features),
                        "expected " + kind + " \"" + expectedText + "\"");
        assertEquals(kind, e.kind(), () -> "kind of \"" + e.getMessage() + "\"");
        assertTrue(e.getMessage().startsWith(expectedText),
                        () -> "message \"" + e.getMessage() + "\" does not start with \"" + expectedText + "\"");
    }
}
