package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.nodes.NodeUtil;

import dev.linmem.memory.nodes.MemoryLoadNode;
import dev.linmem.wasm.runtime.FunctionInstance;

/**
 * A function's child nodes (memory accesses, call sites) are made on its first call, not at
 * instantiation: a big program's thousands of never-called functions cost no nodes.
 */
class LazyFunctionNodesTest {
    private static int loadNodes(WasmInstance instance, String export) {
        FunctionInstance function = (FunctionInstance) instance.runtimeInstance().export(export);
        RootCallTarget target = (RootCallTarget) function.callTarget();
        return NodeUtil.findAllNodeInstances(target.getRootNode(), MemoryLoadNode.class).size();
    }

    @Test
    void aFunctionGetsItsMemoryNodesOnItsFirstCall() {
        try (WasmEngine engine = WasmEngine.create()) {
            WasmInstance m = TestModules.instantiate(engine, "memory");
            assertEquals(0, loadNodes(m, "load64"), "no nodes before the first call");
            assertEquals(0x0807060504030201L, one(m, "load64", 0));
            int made = loadNodes(m, "load64");
            assertTrue(made > 0, "the load's node exists after the first call");
            assertEquals(0x0807060504030201L, one(m, "load64", 0));
            assertEquals(made, loadNodes(m, "load64"), "made once: a second call adds none");
        }
    }
}
