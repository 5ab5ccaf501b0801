package dev.linmem.wasm.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.memory.InvalidMemoryTypeException;
import dev.linmem.memory.MemoryAllocationException;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.DataSegment;
import dev.linmem.wasm.module.ElementSegment;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.Global;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.SegmentMode;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.WasmFunction;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.nodes.FunctionNodeFactory;
import dev.linmem.wasm.nodes.WasmRootNode;
import dev.linmem.wasm.runtime.Failures;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;

/**
 * Instantiation as the spec orders it: resolve imports; create functions, globals (initializers
 * evaluated in order), tables and memories (through the context's allocator); collect exports;
 * initialize active element segments, then active data segments, in order, each checked against
 * its table or memory (a trap keeps what earlier segments wrote, as in Wasm 2.0); drop active and
 * declarative segments; run the start function.
 */
public final class Instantiator {
    private Instantiator() {
    }

    /**
     * Instantiates {@code module} as {@code name} with its imports from {@code imports}. Must run with
     * the polyglot context entered. Throws WasmException (UNLINKABLE) or a trap.
     */
    public static ModuleInstance instantiate(LinkContext context, WasmModule module, String name, ImportSource imports) {
        ModuleInstance instance = ModuleInstance.of(module, name);
        ImportResolver.resolve(context, instance, imports);
        WasmRootNode[] roots = createFunctions(context, instance, name);
        createGlobals(instance);
        createTables(instance);
        createMemories(context, instance);
        finishFunctions(context, instance, roots);
        collectExports(instance);
        initializeElements(instance);
        initializeData(instance);
        int start = module.startFunction();
        if (start >= 0) {
            instance.function(start).entryTarget().call();
        }
        return instance;
    }

    /** Function instances first (they refer to each other), bodies second (call sites bind callees). */
    private static WasmRootNode[] createFunctions(LinkContext context, ModuleInstance instance, String name) {
        WasmModule module = instance.module();
        List<WasmFunction> defined = module.functions();
        int first = module.importedFunctionCount();
        WasmRootNode[] roots = new WasmRootNode[defined.size()];
        Map<Integer, String> exportNames = functionExportNames(module);
        for (int i = 0; i < defined.size(); i++) {
            WasmFunction function = defined.get(i);
            FuncType type = function.type();
            String debugName = name + "." + exportNames.getOrDefault(function.functionIndex(), "func" + function.functionIndex());
            FunctionInstance instanceFunction = new FunctionInstance(type, context.functionTypes().idOf(type), debugName, instance);
            roots[i] = new WasmRootNode(context.language(), function, debugName);
            instanceFunction.setCallTarget(roots[i].getCallTarget());
            instance.functions()[first + i] = instanceFunction;
        }
        return roots;
    }

    /**
     * The first export name of each exported function, so that compilation traces, profiles and
     * stack traces name a function as the embedder calls it (module.name) rather than module.funcN.
     */
    private static Map<Integer, String> functionExportNames(WasmModule module) {
        Map<Integer, String> names = new HashMap<>();
        for (Export export : module.exports()) {
            if (export.kind() == ExternalKind.FUNCTION) {
                names.putIfAbsent(export.index(), export.name());
            }
        }
        return names;
    }

    /** Builds the bodies once tables and memories exist too: call sites bind tables and callees. */
    private static void finishFunctions(LinkContext context, ModuleInstance instance, WasmRootNode[] roots) {
        List<WasmFunction> defined = instance.module().functions();
        for (int i = 0; i < roots.length; i++) {
            roots[i].setBody(FunctionNodeFactory.create(instance, defined.get(i), context.functionTypes()));
        }
    }

    private static void createGlobals(ModuleInstance instance) {
        WasmModule module = instance.module();
        int first = module.importedGlobalCount();
        List<Global> globals = module.globals();
        for (int i = 0; i < globals.size(); i++) {
            Global definition = globals.get(i);
            GlobalInstance global = new GlobalInstance(definition.type());
            global.setValue(ConstantEvaluator.evaluate(definition.init(), instance));
            instance.globals()[first + i] = global;
        }
    }

    private static void createTables(ModuleInstance instance) {
        WasmModule module = instance.module();
        int first = module.importedTableCount();
        List<TableType> tables = module.tables();
        for (int i = 0; i < tables.size(); i++) {
            TableType type = tables.get(i);
            try {
                instance.tables()[first + i] = new TableInstance(type.elementType(), type.minimumSize(), type.maximumSize(), type.is64(), null);
            } catch (TableInstance.AllocationException e) {
                // As for memories: a valid table this engine cannot hold is a resource problem.
                throw new WasmException(WasmException.Kind.RESOURCE_LIMIT, "table cannot be allocated: " + e.getMessage(), -1, e);
            }
        }
    }

    private static void createMemories(LinkContext context, ModuleInstance instance) {
        WasmModule module = instance.module();
        int first = module.importedMemoryCount();
        List<MemoryLimits> memories = module.memories();
        for (int i = 0; i < memories.size(); i++) {
            instance.memories()[first + i] = allocate(context, memories.get(i));
        }
    }

    private static LinearMemory allocate(LinkContext context, MemoryLimits limits) {
        MemoryType.Builder builder = MemoryType.builder().minimumPages(limits.minimumPages()).index64(limits.is64()).shared(limits.shared())
                        .pageSizeBytes(limits.pageSizeBytes());
        if (limits.maximumPages().isPresent()) {
            builder.maximumPages(limits.maximumPages().getAsLong());
        }
        MemoryType type = builder.build();
        try {
            return context.allocateMemory(type);
        } catch (InvalidMemoryTypeException | MemoryAllocationException e) {
            // The allocator refused (too large, pool empty, a kind that cannot be shared): a resource problem.
            throw Failures.memoryNotAllocated(type, e);
        }
    }

    private static void collectExports(ModuleInstance instance) {
        for (Export export : instance.module().exports()) {
            Object external = switch (export.kind()) {
                case FUNCTION -> instance.function(export.index());
                case TABLE -> instance.table(export.index());
                case MEMORY -> instance.memory(export.index());
                case GLOBAL -> instance.global(export.index());
            };
            instance.exports().put(export.name(), external);
        }
    }

    private static void initializeElements(ModuleInstance instance) {
        List<ElementSegment> segments = instance.module().elements();
        for (int i = 0; i < segments.size(); i++) {
            ElementSegment segment = segments.get(i);
            Object[] items = elementItems(segment, instance);
            // Active and declarative segments are dropped right away (active ones after use).
            instance.setElementSegment(i, segment.mode() == SegmentMode.PASSIVE ? items : EMPTY_REFERENCES);
            if (segment.mode() == SegmentMode.ACTIVE) {
                TableInstance table = instance.table(segment.tableIndex());
                long offsetBits = (Long) ConstantEvaluator.evaluate(segment.offset(), instance);
                long offset = table.is64() ? offsetBits : Integer.toUnsignedLong((int) offsetBits);
                if (!table.inBounds(offset, items.length)) {
                    throw new WasmException(WasmException.Kind.TRAP, "out of bounds table access");
                }
                table.init((int) offset, items, 0, items.length);
            }
        }
    }

    private static final Object[] EMPTY_REFERENCES = new Object[0];
    private static final byte[] EMPTY_BYTES = new byte[0];

    private static Object[] elementItems(ElementSegment segment, ModuleInstance instance) {
        Object[] items = new Object[segment.size()];
        if (segment.functionIndices() != null) {
            for (int j = 0; j < items.length; j++) {
                items[j] = instance.function(segment.functionIndices()[j]);
            }
        } else {
            for (int j = 0; j < items.length; j++) {
                items[j] = ConstantEvaluator.evaluate(segment.expressions().get(j), instance);
            }
        }
        return items;
    }

    private static void initializeData(ModuleInstance instance) {
        List<DataSegment> segments = instance.module().data();
        for (int i = 0; i < segments.size(); i++) {
            DataSegment segment = segments.get(i);
            if (segment.mode() == SegmentMode.ACTIVE) {
                instance.setDataSegment(i, EMPTY_BYTES);
                LinearMemory memory = instance.memory(segment.memoryIndex());
                long offsetBits = (Long) ConstantEvaluator.evaluate(segment.offset(), instance);
                long offset = memory.type().is64() ? offsetBits : Integer.toUnsignedLong((int) offsetBits);
                byte[] bytes = segment.bytes();
                // The library's write checks the whole range first, as the spec states it (offset +
                // length <= size, even for an empty segment; an offset of 2^63 or more is a negative
                // long and out of range), and throws its MemoryTrap without writing a byte.
                memory.write(offset, bytes, 0, bytes.length);
            } else {
                instance.setDataSegment(i, segment.bytes());
            }
        }
    }
}
