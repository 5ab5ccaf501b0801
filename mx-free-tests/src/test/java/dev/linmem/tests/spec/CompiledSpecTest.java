package dev.linmem.tests.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.binary.WasmFeatures;
import dev.linmem.wasm.cli.SpecRunner;
import dev.linmem.wasm.cli.SpecScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The memory scripts of the spec corpus again, as compiled code: every function is compiled by
 * the Graal compiler before its first call, and a compilation failure fails the command. This
 * is where the nodes' compiled paths (cached bases and sizes, folded bounds checks, traps from
 * compiled code, deoptimization after grow) meet the official expectations. Each script ends
 * with a check that the compiler really ran.
 */
@DisplayName("spec, compiled")
class CompiledSpecTest {
    /** The scripts whose subject is linear memory; the rest of the corpus runs interpreted in CoreSpecTest. */
    private static final List<String> MEMORY_SCRIPTS = List.of(
                    "address/address.json", "load/load.json", "store/store.json",
                    "memory_grow/memory_grow.json", "memory_size/memory_size.json",
                    "bulk-memory/memory_copy/memory_copy.json", "bulk-memory/memory_fill/memory_fill.json",
                    "bulk-memory/memory_init/memory_init.json", "memory64/address64/address64.json",
                    "memory64/memory_grow64/memory_grow64.json", "multi-memory/memory_grow/memory_grow.json");

    private static final Map<String, String> COMPILE_EVERYTHING = Map.of(
                    "engine.CompileImmediately", "true",
                    "engine.BackgroundCompilation", "false",
                    "engine.MultiTier", "false",
                    "engine.CompilationFailureAction", "Throw",
                    "engine.TraceCompilation", "true");

    private static Stream<DynamicNode> compiled(String kind, Supplier<MemoryAllocator> allocator) throws IOException {
        Path folder = SpecCorpus.folder("core");
        return MEMORY_SCRIPTS.stream().map(name -> {
            Path file = folder.resolve(name);
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            DynamicNode commands = SpecSuite.script(kind + ", compiled", folder, file,
                            (SpecScript script) -> new SpecRunner(script, allocator.get(), WasmFeatures.ALL, COMPILE_EVERYTHING, trace));
            DynamicNode compilerRan = DynamicTest.dynamicTest("the compiler ran", () -> {
                String log = trace.toString(StandardCharsets.UTF_8);
                assertTrue(log.contains("opt done"), "no compilation was traced for " + name);
                assertTrue(!log.contains("opt failed"), "a compilation failed:\n" + log);
            });
            return DynamicContainer.dynamicContainer(kind + ": " + name, Stream.of(commands, compilerRan));
        });
    }

    @TestFactory
    @DisplayName("static native memories, compiled")
    Stream<DynamicNode> staticNative() throws IOException {
        return compiled("static native", MemoryAllocator::staticNative);
    }

    @TestFactory
    @DisplayName("dynamic heap memories, compiled")
    Stream<DynamicNode> dynamicHeap() throws IOException {
        return compiled("dynamic heap", MemoryAllocator::dynamicHeap);
    }
}
