package dev.linmem.tests.spec;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.binary.WasmFeatures;
import java.io.IOException;
import java.nio.file.Path;
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
        return SpecSuite.scripts("dynamic heap", threads(), MemoryAllocator::dynamicHeap, WasmFeatures.THREADS_PROPOSAL);
    }

    @TestFactory
    @DisplayName("dynamic native memories")
    Stream<DynamicNode> dynamicNative() throws IOException {
        return SpecSuite.scripts("dynamic native", threads(), MemoryAllocator::dynamicNative, WasmFeatures.THREADS_PROPOSAL);
    }

    @TestFactory
    @DisplayName("static native memories")
    Stream<DynamicNode> staticNative() throws IOException {
        return SpecSuite.scripts("static native", threads(), MemoryAllocator::staticNative, WasmFeatures.THREADS_PROPOSAL);
    }

    private static Path threads() {
        return SpecCorpus.folder("threads");
    }
}
