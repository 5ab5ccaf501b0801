package dev.linmem.wasm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.host.HostContext;
import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.host.HostModule;
import dev.linmem.wasm.host.WasmGlobal;
import dev.linmem.wasm.host.WasmTable;
import dev.linmem.wasm.link.HostModuleImports;
import dev.linmem.wasm.link.ImportSource;

/**
 * What one instantiation imports, by module name and field name: host functions, memories the
 * host made with the library (pooled or not), globals, tables, every export of another instance,
 * and host modules. Give it to {@link WasmEngine#instantiate(dev.linmem.wasm.module.WasmModule, Imports)}:
 *
 * <pre>{@code
 * LinearMemory memory = DynamicMemory.onHeap(MemoryType.of(1, 16));
 * Imports imports = new Imports()
 *         .function("env", "now", HostFunction.of(List.of(), List.of(ValType.I64), (caller, args) -> System.nanoTime()))
 *         .memory("env", "memory", memory)
 *         .global("env", "limit", WasmGlobal.immutable(ValType.I32, 100))
 *         .instance("lib", libInstance);
 * WasmInstance instance = engine.instantiate(module, imports);
 * }</pre>
 *
 * <p>An import not found here is looked up among the engine's registered instances and host
 * modules. Memories, globals and tables are shared with the importing instance, not copied; the
 * host keeps owning the memories it gives: closing the engine does not close them. Host functions
 * are bound to each instance that imports them (see {@link HostFunction}). The same Imports may
 * serve many instantiations; it is not safe to change it while one runs.
 */
public final class Imports {
    private final Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    private final Map<String, WasmInstance> instances = new LinkedHashMap<>();
    private final Map<String, HostModule> hostModules = new LinkedHashMap<>();

    /** An empty set of imports; add to it with the other methods, each of which returns this. */
    public Imports() {
    }

    /** Imports {@code function} as {@code module.name}. */
    public Imports function(String module, String name, HostFunction function) {
        return define(module, name, function);
    }

    /** Imports a memory the host made (or another instance exported) as {@code module.name}. */
    public Imports memory(String module, String name, LinearMemory memory) {
        return define(module, name, memory);
    }

    /** Imports {@code global} as {@code module.name}. */
    public Imports global(String module, String name, WasmGlobal global) {
        return define(module, name, global);
    }

    /** Imports {@code table} as {@code module.name}. */
    public Imports table(String module, String name, WasmTable table) {
        return define(module, name, table);
    }

    /** Makes every export of {@code instance} importable under {@code module} (which it then owns whole). */
    public Imports instance(String module, WasmInstance instance) {
        Objects.requireNonNull(instance, "instance");
        claim(module);
        instances.put(module, instance);
        return this;
    }

    /** Makes {@code hostModule} importable under its name, made once for each instantiation given these imports. */
    public Imports hostModule(HostModule hostModule) {
        claim(hostModule.name());
        hostModules.put(hostModule.name(), hostModule);
        return this;
    }

    private Imports define(String module, String name, Object value) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (instances.containsKey(module) || hostModules.containsKey(module)) {
            throw new IllegalArgumentException(module + " is already an instance or host module in these imports");
        }
        values.computeIfAbsent(module, m -> new HashMap<>()).put(name, value);
        return this;
    }

    private void claim(String module) {
        Objects.requireNonNull(module, "module");
        if (values.containsKey(module) || instances.containsKey(module) || hostModules.containsKey(module)) {
            throw new IllegalArgumentException(module + " is already defined in these imports");
        }
    }

    /** These imports as the source of one instantiation in {@code engine}. */
    ImportSource source(WasmEngine engine, HostContext context) {
        for (WasmInstance instance : instances.values()) {
            if (instance.engine() != engine) {
                throw new IllegalArgumentException("instance " + instance + " belongs to another engine");
            }
        }
        ImportSource defined = (module, name) -> {
            Map<String, Object> fields = values.get(module);
            if (fields != null) {
                return fields.get(name);
            }
            WasmInstance instance = instances.get(module);
            return instance == null ? null : instance.runtimeInstance().export(name);
        };
        return hostModules.isEmpty() ? defined : defined.orElse(new HostModuleImports(hostModules, context));
    }
}
