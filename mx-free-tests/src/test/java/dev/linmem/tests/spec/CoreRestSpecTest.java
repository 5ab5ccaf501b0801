package dev.linmem.tests.spec;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.UnsupportedFeatureException.Feature;
import dev.linmem.wasm.binary.WasmFeatures;
import dev.linmem.wasm.cli.SpecOutcome;
import dev.linmem.wasm.cli.SpecRunner;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The rest of the official core suite ({@code shared/wasm-spec/core-rest}: numerics, control,
 * calls, tables, references, linking, the binary format), on one dynamic and one static memory
 * kind: these scripts use memories little, so two kinds keep the suite's time reasonable.
 *
 * <p>Some scripts mix in features linmem does not implement; the modules that use them are
 * refused at decode and the commands that depend on them are skipped for that feature. The
 * last test of each run prints the totals and fails if anything failed, or was skipped for any
 * reason but those features or text-format modules.
 */
@DisplayName("spec core-rest")
class CoreRestSpecTest {

    /** The reasons a core-rest command may be skipped: text modules, and the features the corpus mixes in. */
    private static final Set<String> ALLOWED_SKIPS = Set.of(
            SpecOutcome.TEXT_MODULE,
            SpecRunner.skipReason(Feature.TYPED_FUNCTION_REFERENCES),
            SpecRunner.skipReason(Feature.EXCEPTION_HANDLING),
            SpecRunner.skipReason(Feature.TABLE_INITIALIZERS),
            SpecRunner.skipReason(Feature.GC));

    @TestFactory
    @DisplayName("dynamic heap memories")
    Stream<DynamicNode> dynamicHeap() throws IOException {
        return run("dynamic heap", MemoryAllocator::dynamicHeap);
    }

    @TestFactory
    @DisplayName("static native memories")
    Stream<DynamicNode> staticNative() throws IOException {
        return run("static native", MemoryAllocator::staticNative);
    }

    private static Stream<DynamicNode> run(String kind, Supplier<MemoryAllocator> allocator) throws IOException {
        return SpecSuite.scripts(kind, SpecCorpus.folder("core-rest"), allocator, WasmFeatures.ALL, ALLOWED_SKIPS);
    }
}
