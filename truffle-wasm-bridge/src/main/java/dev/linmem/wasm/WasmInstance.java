package dev.linmem.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.host.WasmGlobal;
import dev.linmem.wasm.host.WasmTable;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.Values;

/**
 * An instantiated module, seen from Java. Values are Integer (i32), Long (i64), Float (f32) and
 * Double (f64), floats with their exact bit pattern; references are null, a function of some
 * instance, or (externref) any host object.
 */
public final class WasmInstance {
    private final WasmEngine engine;
    private final ModuleInstance instance;

    WasmInstance(WasmEngine engine, ModuleInstance instance) {
        this.engine = engine;
        this.instance = instance;
    }

    ModuleInstance runtimeInstance() {
        return instance;
    }

    WasmEngine engine() {
        return engine;
    }

    /**
     * Calls the exported function {@code export} with API values; returns its results (an empty
     * array for none). Throws WasmException of kind TRAP or EXHAUSTION when the call fails, and
     * IllegalArgumentException when there is no such function or the arguments do not fit its type.
     */
    public Object[] invoke(String export, Object... args) {
        if (!(instance.export(export) instanceof FunctionInstance function)) {
            throw new IllegalArgumentException("no exported function " + export);
        }
        FuncType type = function.type();
        ValType[] params = type.params();
        if (args.length != params.length) {
            throw new IllegalArgumentException(export + " takes " + params.length + " arguments, got " + args.length);
        }
        Object[] internal = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            internal[i] = Values.toInternal(params[i], args[i]);
        }
        Object result = engine.call(function, internal);
        ValType[] results = type.results();
        if (results.length == 0) {
            return new Object[0];
        }
        if (results.length == 1) {
            return new Object[]{Values.toApi(results[0], result)};
        }
        Object[] values = (Object[]) result;
        Object[] api = new Object[results.length];
        for (int i = 0; i < results.length; i++) {
            api[i] = Values.toApi(results[i], values[i]);
        }
        return api;
    }

    /** The current value of the exported global {@code export}. */
    public Object global(String export) {
        if (!(instance.export(export) instanceof GlobalInstance global)) {
            throw new IllegalArgumentException("no exported global " + export);
        }
        return Values.toApi(global.type().valueType(), global.value());
    }

    /** The exported global {@code export} itself, to read and set, or to import into another instance. */
    public WasmGlobal exportedGlobal(String export) {
        if (!(instance.export(export) instanceof GlobalInstance global)) {
            throw new IllegalArgumentException("no exported global " + export);
        }
        return WasmGlobal.of(global);
    }

    /** The exported table {@code export}. */
    public WasmTable table(String export) {
        if (!(instance.export(export) instanceof TableInstance table)) {
            throw new IllegalArgumentException("no exported table " + export);
        }
        return WasmTable.of(table);
    }

    /** The exported memory {@code export}. */
    public LinearMemory memory(String export) {
        if (!(instance.export(export) instanceof LinearMemory memory)) {
            throw new IllegalArgumentException("no exported memory " + export);
        }
        return memory;
    }

    /** All exports, in the module's order. */
    public List<WasmExport> exports() {
        List<WasmExport> list = new ArrayList<>();
        for (String name : List.copyOf(instance.exports().keySet())) {
            list.add(describe(name, instance.export(name)));
        }
        return List.copyOf(list);
    }

    private static WasmExport describe(String name, Object external) {
        if (external instanceof FunctionInstance f) {
            return new WasmExport(name, ExternalKind.FUNCTION, Arrays.asList(f.type().params()), Arrays.asList(f.type().results()));
        } else if (external instanceof GlobalInstance g) {
            return new WasmExport(name, ExternalKind.GLOBAL, List.of(), List.of(g.type().valueType()));
        } else if (external instanceof TableInstance) {
            return new WasmExport(name, ExternalKind.TABLE, List.of(), List.of());
        } else {
            return new WasmExport(name, ExternalKind.MEMORY, List.of(), List.of());
        }
    }

    @Override
    public String toString() {
        return instance.toString();
    }
}
