package dev.linmem.tests.spec;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.binary.WasmFeatures;
import dev.linmem.wasm.cli.SpecOutcome;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The threads proposal's tests ({@code shared/wasm-spec/threads}: shared memories, atomics,
 * wait/notify), a suite apart from the core one so that their states read apart. Over the same
 * kinds as the core suite: the dynamic presets give shared types a static memory on their
 * storage (a shared memory never moves), and the unshared memories stay dynamic.
 *
 * <p>The scripts come from the threads proposal's repository, which predates multi-memory and
 * reference types: they expect "multiple memories" and "multiple tables" to be invalid, so
 * they are decoded with {@link WasmFeatures#THREADS_PROPOSAL}.
 */
@DisplayName("spec threads")
class ThreadsSpecTest {

    @TestFactory
    @DisplayName("dynamic heap memories")
    Stream<DynamicNode> dynamicHeap() throws IOException {
        return threads("dynamic heap", MemoryAllocator::dynamicHeap);
    }

    @TestFactory
    @DisplayName("dynamic native memories")
    Stream<DynamicNode> dynamicNative() throws IOException {
        return threads("dynamic native", MemoryAllocator::dynamicNative);
    }

    @TestFactory
    @DisplayName("static native memories")
    Stream<DynamicNode> staticNative() throws IOException {
        return threads("static native", MemoryAllocator::staticNative);
    }

    private static Stream<DynamicNode> threads(String kind, Supplier<MemoryAllocator> allocator) throws IOException {
        return SpecSuite.scripts(kind, SpecCorpus.folder("threads"), allocator, WasmFeatures.THREADS_PROPOSAL,
                Set.of(SpecOutcome.TEXT_MODULE));
    }
}
