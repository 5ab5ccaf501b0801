package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.link.HostModuleImports;
import dev.linmem.wasm.link.Instantiator;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * What {@code Context.eval("linmem-wasm", binary)} runs: instantiates the (already validated)
 * module against the built-in host modules (spectest; WASI when the context's options ask for
 * it) and returns its exports as an interop
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
            WasmContext context = WasmContext.get(this);
            HostModuleImports builtins = new HostModuleImports(context.builtins(), context);
            ModuleInstance instance = Instantiator.instantiate(context, module, name, builtins);
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
