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
 * The official WebAssembly core spec tests for linear memory ({@code shared/wasm-spec/core}),
 * once per kind of memory a module can define, because every memory kind must behave the same
 * to wasm: heap and native dynamic memories (which move on grow) and native static ones.
 */
@DisplayName("spec core")
class CoreSpecTest {

    @TestFactory
    @DisplayName("dynamic heap memories")
    Stream<DynamicNode> dynamicHeap() throws IOException {
        return core("dynamic heap", MemoryAllocator::dynamicHeap);
    }

    @TestFactory
    @DisplayName("dynamic native memories")
    Stream<DynamicNode> dynamicNative() throws IOException {
        return core("dynamic native", MemoryAllocator::dynamicNative);
    }

    @TestFactory
    @DisplayName("static native memories")
    Stream<DynamicNode> staticNative() throws IOException {
        return core("static native", MemoryAllocator::staticNative);
    }

    /** Every module of core uses only features linmem implements: only text-format modules are skipped. */
    private static Stream<DynamicNode> core(String kind, Supplier<MemoryAllocator> allocator) throws IOException {
        return SpecSuite.scripts(kind, SpecCorpus.folder("core"), allocator, WasmFeatures.ALL, Set.of(SpecOutcome.TEXT_MODULE));
    }
}
