package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.link.Instantiator;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * What {@code Context.eval("linmem-wasm", binary)} runs: instantiates the (already validated)
 * module against the instances registered in the context and returns its exports as an interop
 * object. Each evaluation makes a new instance, like calling the module's constructor.
 */
final class InstantiateRootNode extends RootNode {
    private final WasmModule module;
    private final String name;

    InstantiateRootNode(WasmLanguage language, WasmModule module, String name) {
        super(language);
        this.module = module;
        this.name = name;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return instantiate();
    }

    @TruffleBoundary
    private Object instantiate() {
        try {
            ModuleInstance instance = Instantiator.instantiate(WasmContext.get(this), module, name);
            return new ExportsObject(instance);
        } catch (WasmException e) {
            throw ModuleRejectedException.of(e);
        }
    }

    @Override
    public String getName() {
        return "instantiate " + name;
    }
}
