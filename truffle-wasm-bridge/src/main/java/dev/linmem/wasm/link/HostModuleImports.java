package dev.linmem.wasm.link;

import java.util.HashMap;
import java.util.Map;

import dev.linmem.wasm.host.HostContext;
import dev.linmem.wasm.host.HostModule;

/**
 * Host modules as an import source for one instantiation: each module that the instantiation
 * imports from makes its exports once, the first time one of them is looked up.
 */
public final class HostModuleImports implements ImportSource {
    private final Map<String, HostModule> modules;
    private final HostContext context;
    private final Map<String, HostModule.Exports> instantiated = new HashMap<>();

    /** {@code modules} by module name; it is read, not copied. */
    public HostModuleImports(Map<String, HostModule> modules, HostContext context) {
        this.modules = modules;
        this.context = context;
    }

    @Override
    public Object lookup(String module, String name) {
        HostModule host = modules.get(module);
        if (host == null) {
            return null;
        }
        return instantiated.computeIfAbsent(module, m -> host.instantiate(context)).get(name);
    }
}
