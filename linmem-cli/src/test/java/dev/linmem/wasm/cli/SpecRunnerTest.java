package dev.linmem.wasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's handling of script state: definitions, failed modules, and freeing memories. */
class SpecRunnerTest {

    @TempDir
    Path dir;

    @Test
    void aDefinitionIsValidatedButNeverInstantiated() throws IOException {
        List<LinearMemory> memories = new ArrayList<>();
        List<SpecOutcome> outcomes = run(memories, """
                {"type": "module", "definition": "true", "line": 1, "filename": "calc.wasm"},
                {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "main", "args": []},
                 "expected": [{"type": "i32", "value": "8"}]}
                """);
        assertEquals(SpecOutcome.Status.PASSED, outcomes.get(0).status());
        // No instance, so nothing to invoke: the definition made no memory either.
        assertEquals(SpecOutcome.Status.FAILED, outcomes.get(1).status());
        assertEquals("no module instantiated yet", outcomes.get(1).message());
        assertEquals(0, calcMemories(memories));
    }

    @Test
    void commandsOnAModuleThatFailedToLoadFailWithItsReason() throws IOException {
        List<SpecOutcome> outcomes = run(new ArrayList<>(), """
                {"type": "module", "line": 1, "filename": "calc.wasm"},
                {"type": "module", "line": 2, "filename": "invalid.wasm"},
                {"type": "assert_return", "line": 3, "action": {"type": "invoke", "field": "main", "args": []},
                 "expected": [{"type": "i32", "value": "8"}]},
                {"type": "register", "line": 4, "as": "m"}
                """);
        assertEquals(SpecOutcome.Status.PASSED, outcomes.get(0).status());
        assertEquals(SpecOutcome.Status.FAILED, outcomes.get(1).status());
        // Not run against calc.wasm, which came before: against the failed module, so it fails too.
        assertTrue(outcomes.get(2).message().startsWith("module invalid.wasm at line 2 failed to load: INVALID"),
                outcomes.get(2).message());
        assertEquals(SpecOutcome.Status.FAILED, outcomes.get(3).status());
    }

    @Test
    void commandsOnATextModuleAreSkippedNotRunAgainstTheModuleBefore() throws IOException {
        List<SpecOutcome> outcomes = run(new ArrayList<>(), """
                {"type": "module", "line": 1, "filename": "calc.wasm"},
                {"type": "module", "line": 2, "filename": "text.wat", "module_type": "text"},
                {"type": "assert_return", "line": 3, "action": {"type": "invoke", "field": "main", "args": []},
                 "expected": [{"type": "i32", "value": "8"}]}
                """);
        assertEquals(SpecOutcome.Status.SKIPPED, outcomes.get(1).status());
        assertEquals(SpecOutcome.Status.SKIPPED, outcomes.get(2).status(), outcomes.get(2).toString());
    }

    @Test
    void everythingThatDependsOnAModuleWithAnUnsupportedFeatureIsSkippedForThatFeature() throws IOException {
        List<SpecOutcome> outcomes = run(new ArrayList<>(), """
                {"type": "module", "line": 1, "filename": "tagged.wasm"},
                {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "one", "args": []},
                 "expected": [{"type": "i32", "value": "1"}]},
                {"type": "register", "line": 3, "as": "tagged"},
                {"type": "module", "line": 4, "filename": "importer.wasm"},
                {"type": "assert_return", "line": 5, "action": {"type": "invoke", "field": "two", "args": []},
                 "expected": [{"type": "i32", "value": "2"}]},
                {"type": "assert_unlinkable", "line": 6, "filename": "importer.wasm", "text": "unknown import"},
                {"type": "assert_invalid", "line": 7, "filename": "tagged.wasm", "text": "type mismatch"},
                {"type": "module", "line": 8, "filename": "calc.wasm"},
                {"type": "register", "line": 9, "as": "tagged"},
                {"type": "assert_unlinkable", "line": 10, "filename": "importer.wasm", "text": "unknown import"}
                """);
        String reason = "unsupported feature: exception handling";
        for (int i = 0; i < 7; i++) {
            assertEquals(SpecOutcome.Status.SKIPPED, outcomes.get(i).status(), outcomes.get(i).toString());
            assertEquals(reason, outcomes.get(i).skipReason(), outcomes.get(i).toString());
        }
        assertTrue(outcomes.get(0).message().startsWith(
                "module tagged.wasm at line 1: unsupported feature: exception handling (tag section) at byte offset "),
                outcomes.get(0).message());
        assertTrue(outcomes.get(3).message().startsWith("module importer.wasm at line 4 imports from a skipped module: "),
                outcomes.get(3).message());
        // Registered again from a module that loads, the name is no longer a skipped dependency.
        assertEquals(SpecOutcome.PASSED, outcomes.get(8));
        assertEquals(SpecOutcome.PASSED, outcomes.get(9), "calc.wasm exports no \"one\": unknown import");
        SpecTotals totals = new SpecTotals();
        outcomes.forEach(totals::add);
        assertEquals(java.util.Map.of(reason, 7), totals.skippedByReason());
        assertEquals("3 passed, 0 failed, 7 skipped" + System.lineSeparator() + "  7 skipped: " + reason, totals.toString());
    }

    @Test
    void hostReferencesComeBackByNumberAndFunctionReferencesAreAnyFunction() throws IOException {
        List<SpecOutcome> outcomes = run(new ArrayList<>(), """
                {"type": "module", "line": 1, "filename": "refs.wasm"},
                {"type": "action", "line": 2, "action": {"type": "invoke", "field": "keep",
                 "args": [{"type": "externref", "value": "7"}]}},
                {"type": "assert_return", "line": 3, "action": {"type": "invoke", "field": "kept", "args": []},
                 "expected": [{"type": "externref", "value": "7"}]},
                {"type": "assert_return", "line": 4, "action": {"type": "invoke", "field": "kept", "args": []},
                 "expected": [{"type": "externref", "value": "8"}]},
                {"type": "assert_return", "line": 5, "action": {"type": "invoke", "field": "func", "args": []},
                 "expected": [{"type": "funcref", "value": "0"}]},
                {"type": "assert_return", "line": 6, "action": {"type": "invoke", "field": "null-func", "args": []},
                 "expected": [{"type": "funcref", "value": "0"}]},
                {"type": "action", "line": 7, "action": {"type": "invoke", "field": "keep",
                 "args": [{"type": "externref", "value": "null"}]}},
                {"type": "assert_return", "line": 8, "action": {"type": "invoke", "field": "kept", "args": []},
                 "expected": [{"type": "externref", "value": "null"}]}
                """);
        assertEquals(SpecOutcome.PASSED, outcomes.get(1));
        assertEquals(SpecOutcome.PASSED, outcomes.get(2));
        assertEquals(SpecOutcome.Status.FAILED, outcomes.get(3).status(), "another host reference");
        assertEquals("kept(): expected [externref:8], got [externref:7]", outcomes.get(3).message());
        assertEquals(SpecOutcome.PASSED, outcomes.get(4));
        assertEquals(SpecOutcome.Status.FAILED, outcomes.get(5).status(), "null is not a function");
        assertEquals(SpecOutcome.PASSED, outcomes.get(6));
        assertEquals(SpecOutcome.PASSED, outcomes.get(7));
    }

    @Test
    void closingTheRunnerClosesEveryMemoryItsModulesAllocated() throws IOException {
        List<LinearMemory> memories = new ArrayList<>();
        List<SpecOutcome> outcomes = run(memories, """
                {"type": "module", "line": 1, "filename": "calc.wasm"},
                {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "main", "args": []},
                 "expected": [{"type": "i32", "value": "8"}]},
                {"type": "module", "name": "$other", "line": 3, "filename": "calc.wasm"}
                """);
        assertEquals(List.of(SpecOutcome.PASSED, SpecOutcome.PASSED, SpecOutcome.PASSED), outcomes);
        assertEquals(2, calcMemories(memories), "one per calc instance");
        assertTrue(memories.stream().allMatch(LinearMemory::isClosed), "native storage must not wait for the GC");
    }

    /** The memories calc.wasm defines (1 to 4 pages), not the built-in spectest module's. */
    private static long calcMemories(List<LinearMemory> memories) {
        return memories.stream().filter(m -> m.maximumPages().equals(OptionalLong.of(4))).count();
    }

    /** Runs the commands with static native memories, recording each allocated memory, and closes the runner. */
    private List<SpecOutcome> run(List<LinearMemory> memories, String commands) throws IOException {
        for (String module : List.of("calc", "invalid", "refs", "tagged", "importer")) {
            try (InputStream in = SpecRunnerTest.class.getResourceAsStream(module + ".wasm")) {
                Files.copy(in, dir.resolve(module + ".wasm"));
            }
        }
        Path file = dir.resolve("script.json");
        Files.writeString(file, "{\"commands\": [" + commands + "]}");
        MemoryAllocator recording = type -> {
            LinearMemory memory = MemoryAllocator.staticNative().allocate(type);
            memories.add(memory);
            return memory;
        };
        try (SpecRunner runner = new SpecRunner(SpecScript.load(file), recording)) {
            return runner.runAll();
        }
    }
}
