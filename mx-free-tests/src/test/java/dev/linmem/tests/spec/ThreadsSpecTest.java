package dev.linmem.tests.spec;

import dev.linmem.memory.MemoryAllocator;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The threads proposal's tests ({@code shared/wasm-spec/threads}: shared memories, atomics,
 * wait/notify). A separate suite so that its state reads apart from the core suite's. Shared
 * memories are static whatever the allocator's preset; the kinds still differ for the unshared
 * memories these scripts define, so they run over the same three kinds as the core suite.
 */
@DisplayName("spec threads")
class ThreadsSpecTest {

    @TestFactory
    @DisplayName("dynamic heap memories")
    Stream<DynamicNode> dynamicHeap() throws IOException {
        return SpecSuite.scripts(SpecCorpus.folder("threads"), MemoryAllocator::dynamicHeap);
    }

    @TestFactory
    @DisplayName("dynamic native memories")
    Stream<DynamicNode> dynamicNative() throws IOException {
        return SpecSuite.scripts(SpecCorpus.folder("threads"), MemoryAllocator::dynamicNative);
    }

    @TestFactory
    @DisplayName("static native memories")
    Stream<DynamicNode> staticNative() throws IOException {
        return SpecSuite.scripts(SpecCorpus.folder("threads"), MemoryAllocator::staticNative);
    }
}
