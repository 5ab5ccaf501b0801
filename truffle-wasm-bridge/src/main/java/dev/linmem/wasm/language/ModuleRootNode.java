package dev.linmem.wasm.language;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import dev.linmem.wasm.module.WasmModule;

/** What {@code context.eval(source)} runs: returns the (already decoded and validated) module as a {@link ModuleObject}. */
final class ModuleRootNode extends RootNode {
    private final WasmModule module;
    private final String name;

    ModuleRootNode(WasmLanguage language, WasmModule module, String name) {
        super(language);
        this.module = module;
        this.name = name;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return new ModuleObject(module, name);
    }

    @Override
    public String getName() {
        return "module " + name;
    }
}
