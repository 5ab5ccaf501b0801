package dev.linmem.tests.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```java} block of the README compiles against the libraries, so that the examples
 * a user copies are the API as it is. A block is the body of a method that may throw anything;
 * its own {@code import} lines join the common ones below, and it may use {@code wasmBytes} (some
 * module's bytes) without declaring it.
 */
class ReadmeSnippetsTest {
    private static final List<String> COMMON_IMPORTS = List.of("java.io.*", "java.nio.*", "java.nio.charset.*", "java.nio.file.*", "java.util.*",
                    "java.util.concurrent.*", "com.oracle.truffle.api.nodes.Node", "dev.linmem.memory.*", "dev.linmem.memory.nodes.*",
                    "dev.linmem.wasm.*", "dev.linmem.wasm.host.*", "dev.linmem.wasm.module.*", "org.graalvm.polyglot.*",
                    "org.graalvm.polyglot.io.ByteSequence", "org.graalvm.polyglot.proxy.*");

    /** A java block: the README line it starts on, and its text. */
    record Block(int line, String code) {
        @Override
        public String toString() {
            return "README.md line " + line;
        }
    }

    static List<Block> blocks() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```java")) {
                int start = i + 1;
                int end = start;
                while (!lines.get(end).strip().equals("```")) {
                    end++;
                }
                blocks.add(new Block(start + 1, String.join("\n", lines.subList(start, end))));
                i = end;
            }
        }
        return blocks;
    }

    @Test
    void theReadmeHasItsJavaExamples() throws IOException {
        assertTrue(blocks().size() >= 4, "the README's java blocks were not found: " + blocks());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void compiles(Block block, @TempDir Path dir) throws IOException {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        COMMON_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        for (String line : block.code().split("\n", -1)) {
            if (line.startsWith("import ")) {
                imports.append(line).append('\n');
                body.append('\n'); // keeps the body's lines where they are in the README
            } else {
                body.append(line).append('\n');
            }
        }
        String header = imports + "class Snippet {\n    byte[] wasmBytes = new byte[0];\n    void run() throws Exception {\n";
        long headerLines = header.lines().count();
        String source = header + body + "    }\n}\n";
        Path file = dir.resolve("Snippet.java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-d", dir.toString(), "-classpath", System.getProperty("java.class.path"));
            boolean compiled = javac.getTask(new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .map(d -> "README.md line " + (block.line() + d.getLineNumber() - headerLines - 1) + ": " + d.getMessage(Locale.ROOT))
                            .collect(Collectors.joining("\n"));
            assertTrue(compiled, "the README's block at line " + block.line() + " does not compile:\n" + errors + "\n--- as compiled:\n" + source);
        }
    }

    /** The README in the repository, found upwards from the working directory (tests run in mx-free-tests). */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("truffle-wasm-bridge"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
