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
        for (String module : List.of("calc", "invalid")) {
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
