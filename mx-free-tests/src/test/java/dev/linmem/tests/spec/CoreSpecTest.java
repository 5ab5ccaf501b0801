package dev.linmem.tests.spec;

import dev.linmem.memory.MemoryAllocator;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The official WebAssembly core spec tests for linear memory ({@code shared/wasm-spec/core}),
 * once per kind of memory a module can define, because every memory kind must behave the same
 * to wasm: heap and native dynamic memories (which move on grow) and native static ones.
 */
@DisplayName("spec core")
class CoreSpecTest {

    @TestFactory
    @DisplayName("dynamic heap memories")
    Stream<DynamicNode> dynamicHeap() throws IOException {
        return SpecSuite.scripts("dynamic heap", SpecCorpus.folder("core"), MemoryAllocator::dynamicHeap);
    }

    @TestFactory
    @DisplayName("dynamic native memories")
    Stream<DynamicNode> dynamicNative() throws IOException {
        return SpecSuite.scripts("dynamic native", SpecCorpus.folder("core"), MemoryAllocator::dynamicNative);
    }

    @TestFactory
    @DisplayName("static native memories")
    Stream<DynamicNode> staticNative() throws IOException {
        return SpecSuite.scripts("static native", SpecCorpus.folder("core"), MemoryAllocator::staticNative);
    }
}
