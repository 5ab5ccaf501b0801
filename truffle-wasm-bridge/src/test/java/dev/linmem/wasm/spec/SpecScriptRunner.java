package dev.linmem.wasm.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.module.WasmModule;

/**
 * Runs one wast2json script (the engine's own check; the project's official runner lives in
 * mx-free-tests): modules, register, assert_return/trap/exhaustion, actions, assert_unlinkable,
 * assert_uninstantiable, assert_invalid/malformed for binary modules. Text modules are skipped.
 */
final class SpecScriptRunner {
    /** Outcome counts and the first failures of one script. */
    record Result(String file, int passed, int failed, int skipped, List<String> failures) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path script;
    private final MemoryAllocator allocator;
    private final Map<String, WasmInstance> named = new HashMap<>();
    private WasmInstance current;
    private int passed;
    private int failed;
    private int skipped;
    private final List<String> failures = new ArrayList<>();

    private final Map<String, String> options;

    SpecScriptRunner(Path script, MemoryAllocator allocator, Map<String, String> options) {
        this.script = script;
        this.allocator = allocator;
        this.options = options;
    }

    Result run() throws IOException {
        JsonNode root = JSON.readTree(script.toFile());
        try (WasmEngine engine = WasmEngine.create(allocator, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), options)) {
            for (JsonNode command : root.get("commands")) {
                try {
                    execute(engine, command);
                } catch (AssertionError | RuntimeException e) {
                    fail(command, e.toString());
                } catch (StackOverflowError e) {
                    fail(command, "StackOverflowError escaped");
                }
            }
        }
        return new Result(script.getFileName().toString(), passed, failed, skipped, failures);
    }

    private void fail(JsonNode command, String why) {
        failed++;
        if (failures.size() < 30) {
            failures.add("line " + command.path("line").asInt() + " " + command.path("type").asText() + ": " + why);
        }
    }

    private void execute(WasmEngine engine, JsonNode command) throws IOException {
        String type = command.get("type").asText();
        switch (type) {
            case "module" -> {
                WasmModule module = engine.decode(read(command), command.get("filename").asText());
                if (command.path("definition").asBoolean(false) || "true".equals(command.path("definition").asText())) {
                    passed++;
                    return;
                }
                current = engine.instantiate(module);
                if (command.has("name")) {
                    named.put(command.get("name").asText(), current);
                }
                passed++;
            }
            case "register" -> {
                WasmInstance instance = command.has("name") ? named.get(command.get("name").asText()) : current;
                engine.register(command.get("as").asText(), instance);
                passed++;
            }
            case "action" -> {
                invoke(command.get("action"));
                passed++;
            }
            case "assert_return" -> {
                Object[] actual = invoke(command.get("action"));
                JsonNode expected = command.get("expected");
                check(actual.length == expected.size(), "result count " + actual.length);
                for (int i = 0; i < actual.length; i++) {
                    check(SpecValues.matches(expected.get(i), actual[i]), "result " + i + ": expected " + expected.get(i) + ", got " + SpecValues.describe(actual[i]));
                }
                passed++;
            }
            case "assert_trap", "assert_exhaustion" -> {
                WasmException.Kind kind = type.equals("assert_trap") ? WasmException.Kind.TRAP : WasmException.Kind.EXHAUSTION;
                expectFailure(kind, command.get("text").asText(), () -> invoke(command.get("action")));
            }
            case "assert_unlinkable" -> expectFailure(WasmException.Kind.UNLINKABLE, command.get("text").asText(),
                            () -> engine.instantiate(engine.decode(read(command), command.get("filename").asText())));
            case "assert_uninstantiable" -> expectFailure(WasmException.Kind.TRAP, command.get("text").asText(),
                            () -> engine.instantiate(engine.decode(read(command), command.get("filename").asText())));
            case "assert_invalid", "assert_malformed" -> {
                if (!"binary".equals(command.path("module_type").asText())) {
                    skipped++;
                    return;
                }
                WasmException.Kind kind = type.equals("assert_invalid") ? WasmException.Kind.INVALID : WasmException.Kind.MALFORMED;
                expectFailure(kind, command.get("text").asText(), () -> engine.decode(read(command), command.get("filename").asText()));
            }
            default -> skipped++;
        }
    }

    @FunctionalInterface
    private interface Action {
        Object run() throws IOException;
    }

    private void expectFailure(WasmException.Kind kind, String text, Action action) throws IOException {
        try {
            action.run();
        } catch (WasmException e) {
            check(e.kind() == kind && e.getMessage().startsWith(text), "expected " + kind + " \"" + text + "\", got " + e.kind() + " \"" + e.getMessage() + "\"");
            passed++;
            return;
        }
        throw new AssertionError("expected " + kind + " \"" + text + "\", got success");
    }

    private Object[] invoke(JsonNode action) {
        WasmInstance instance = action.has("module") ? named.get(action.get("module").asText()) : current;
        String field = action.get("field").asText();
        if (action.get("type").asText().equals("get")) {
            return new Object[]{instance.global(field)};
        }
        JsonNode args = action.get("args");
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = SpecValues.parse(args.get(i));
        }
        return instance.invoke(field, values);
    }

    private byte[] read(JsonNode command) throws IOException {
        return Files.readAllBytes(script.resolveSibling(command.get("filename").asText()));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
