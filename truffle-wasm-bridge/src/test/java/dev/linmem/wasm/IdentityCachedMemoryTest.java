package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Introspection;
import com.oracle.truffle.api.nodes.NodeUtil;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.nodes.MemoryLoadNode;
import dev.linmem.wasm.runtime.FunctionInstance;

/**
 * The point of per-instance call targets: each instance's memory nodes see one memory, so they
 * stay in the library's identity-cached specializations (whose storage and size fold in compiled
 * code), even when several instances of one module run side by side.
 */
class IdentityCachedMemoryTest {
    /** The names of the active specializations of every load node in the body of {@code export}. */
    private static List<String> loadSpecializations(WasmInstance instance, String export) {
        FunctionInstance function = (FunctionInstance) instance.runtimeInstance().export(export);
        RootCallTarget target = (RootCallTarget) function.callTarget();
        return NodeUtil.findAllNodeInstances(target.getRootNode(), MemoryLoadNode.class).stream()
                        .flatMap(node -> Introspection.getSpecializations(node).stream())
                        .filter(Introspection.SpecializationInfo::isActive)
                        .map(Introspection.SpecializationInfo::getMethodName)
                        .toList();
    }

    @Test
    void staticMemoriesStayIdentityCachedPerInstance() {
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.staticNative()).build()) {
            WasmInstance first = TestModules.instantiate(engine, "memory");
            WasmInstance second = TestModules.instantiate(engine, "memory");
            for (int i = 0; i < 10; i++) {
                assertEquals(0x0807060504030201L, one(first, "load64", 0));
                assertEquals(0x0807060504030201L, one(second, "load64", 0));
            }
            assertEquals(List.of("staticMemory"), loadSpecializations(first, "load64"));
            assertEquals(List.of("staticMemory"), loadSpecializations(second, "load64"));
        }
    }

    @Test
    void dynamicMemoriesRecacheAfterAMovingGrow() {
        try (WasmEngine engine = WasmEngine.create()) {
            WasmInstance m = TestModules.instantiate(engine, "memory");
            assertEquals(0x0807060504030201L, one(m, "load64", 0));
            assertEquals(List.of("dynamicMemory"), loadSpecializations(m, "load64"));
            assertEquals(1, one(m, "grow", 2));
            assertEquals(0x0807060504030201L, one(m, "load64", 0), "the data moved with the storage");
            List<String> after = loadSpecializations(m, "load64");
            assertFalse(after.isEmpty());
            assertEquals(List.of("dynamicMemory"), after, "one grow re-caches; it does not give up on identity");
        }
    }
}
