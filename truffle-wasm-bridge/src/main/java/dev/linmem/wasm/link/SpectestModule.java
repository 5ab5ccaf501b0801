package dev.linmem.wasm.link;

import java.util.OptionalLong;

import dev.linmem.memory.InvalidMemoryTypeException;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocationException;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.language.WasmContext;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.nodes.HostFunctionRootNode;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.Values;

/**
 * The {@code spectest} host module the spec test suite imports: print functions (writing to the
 * context's spectest stream, by default nowhere), four globals of value 666, two funcref tables of 10
 * elements (maximum 20), {@code table} with i32 and {@code table64} with i64 indices (memory64's
 * table64, as in the reference interpreter's spectest), a memory of 1 page (maximum 2), and for the
 * threads suite a shared memory of the same limits.
 */
public final class SpectestModule {
    public static final String NAME = "spectest";

    private SpectestModule() {
    }

    /** Builds the module; the context's allocator must be set (it creates the memory). */
    public static ModuleInstance create(WasmContext context) {
        ModuleInstance instance = ModuleInstance.host(NAME);
        var exports = instance.exports();
        exports.put("print", printer(context, "print"));
        exports.put("print_i32", printer(context, "print_i32", ValType.I32));
        exports.put("print_i64", printer(context, "print_i64", ValType.I64));
        exports.put("print_f32", printer(context, "print_f32", ValType.F32));
        exports.put("print_f64", printer(context, "print_f64", ValType.F64));
        exports.put("print_i32_f32", printer(context, "print_i32_f32", ValType.I32, ValType.F32));
        exports.put("print_f64_f64", printer(context, "print_f64_f64", ValType.F64, ValType.F64));
        exports.put("global_i32", global(ValType.I32, 666L));
        exports.put("global_i64", global(ValType.I64, 666L));
        exports.put("global_f32", global(ValType.F32, Float.floatToRawIntBits(666.6f)));
        exports.put("global_f64", global(ValType.F64, Double.doubleToRawLongBits(666.6)));
        exports.put("table", new TableInstance(ValType.FUNCREF, 10, OptionalLong.of(20), false, null));
        exports.put("table64", new TableInstance(ValType.FUNCREF, 10, OptionalLong.of(20), true, null));
        // Memories are made on first import, so that an engine whose modules never import them
        // does not hold storage (or pool slots) for them.
        exports.put("memory", (ModuleInstance.LazyExport) () -> memory(context));
        exports.put("shared_memory", (ModuleInstance.LazyExport) () -> sharedMemory(context));
        return instance;
    }

    private static FunctionInstance printer(WasmContext context, String name, ValType... params) {
        FuncType type = new FuncType(params, new ValType[0]);
        FunctionInstance function = new FunctionInstance(type, context.functionTypes().idOf(type), NAME + "." + name);
        HostFunctionRootNode root = new HostFunctionRootNode(context.language(), NAME + "." + name, args -> {
            StringBuilder line = new StringBuilder(name).append(':');
            for (int i = 0; i < params.length; i++) {
                line.append(' ').append(Values.toApi(params[i], args[i])).append(':').append(params[i].text());
            }
            context.spectestOutput().println(line);
            return null;
        });
        function.setCallTarget(root.getCallTarget());
        return function;
    }

    private static GlobalInstance global(ValType type, long bits) {
        GlobalInstance global = new GlobalInstance(new GlobalType(type, false));
        global.setBits(bits);
        return global;
    }

    /**
     * The threads suite's {@code shared_memory} (1 to 2 pages, shared), when the allocator can make
     * shared memories at all (dynamic ones cannot: a shared memory never moves); else null, which
     * importers see as an unknown import.
     */
    private static LinearMemory sharedMemory(WasmContext context) {
        MemoryType type = MemoryType.builder().minimumPages(1).maximumPages(2).shared(true).build();
        try {
            return context.allocateMemory(type);
        } catch (MemoryAllocationException | InvalidMemoryTypeException e) {
            return null;
        }
    }

    private static LinearMemory memory(WasmContext context) {
        MemoryType type = MemoryType.builder().minimumPages(1).maximumPages(2).build();
        return context.allocateMemory(type);
    }
}
