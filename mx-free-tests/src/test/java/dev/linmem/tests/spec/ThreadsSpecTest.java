package dev.linmem.tests.spec;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.binary.WasmFeatures;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The threads proposal's tests ({@code shared/wasm-spec/threads}: shared memories, atomics,
 * wait/notify), a suite apart from the core one so that their states read apart.
 *
 * <p>Only static memories: a shared memory may never move while other threads access it, so
 * the dynamic presets refuse shared types (the module is then unlinkable), and every script
 * here defines shared memories. Both static storages run.
 *
 * <p>The scripts come from the threads proposal's repository, which predates multi-memory and
 * reference types: they expect "multiple memories" and "multiple tables" to be invalid, so
 * they are decoded with {@link WasmFeatures#THREADS_PROPOSAL}.
 */
@DisplayName("spec threads")
class ThreadsSpecTest {

    @TestFactory
    @DisplayName("static native memories")
    Stream<DynamicNode> staticNative() throws IOException {
        return SpecSuite.scripts("static native", SpecCorpus.folder("threads"), MemoryAllocator::staticNative, WasmFeatures.THREADS_PROPOSAL);
    }

    @TestFactory
    @DisplayName("static heap memories")
    Stream<DynamicNode> staticHeap() throws IOException {
        return SpecSuite.scripts("static heap", SpecCorpus.folder("threads"), MemoryAllocator::staticHeap, WasmFeatures.THREADS_PROPOSAL);
    }
}
