package dev.linmem.wasm.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.module.WasmModule;

/**
 * The runtime state of one instantiated module: its index spaces (imports first, then its own
 * definitions), its segments and its exports. The index-space arrays never change after
 * instantiation, so the interpreter treats them as partial-evaluation constants; the segment
 * arrays change when a segment is dropped.
 */
public final class ModuleInstance {
    private final WasmModule module;
    private final String name;
    @CompilationFinal(dimensions = 1) final FunctionInstance[] functions;
    @CompilationFinal(dimensions = 1) final TableInstance[] tables;
    @CompilationFinal(dimensions = 1) final LinearMemory[] memories;
    @CompilationFinal(dimensions = 1) final GlobalInstance[] globals;
    /** Passive data segments' bytes by data index; an empty array once dropped (or when active). */
    private final byte[][] dataSegments;
    /** Element segments' references by element index; an empty array once dropped. */
    private final Object[][] elementSegments;
    /** Exports in declaration order, resolved to the instances they name. */
    private final Map<String, Object> exports = new LinkedHashMap<>();

    private ModuleInstance(WasmModule module, String name, int functionCount, int tableCount, int memoryCount, int globalCount,
                    int dataCount, int elementCount) {
        this.module = module;
        this.name = name;
        this.functions = new FunctionInstance[functionCount];
        this.tables = new TableInstance[tableCount];
        this.memories = new LinearMemory[memoryCount];
        this.globals = new GlobalInstance[globalCount];
        this.dataSegments = new byte[dataCount][];
        this.elementSegments = new Object[elementCount][];
    }

    /** An empty instance of {@code module}, to be filled by instantiation. */
    public static ModuleInstance of(WasmModule module, String name) {
        return new ModuleInstance(module, name, module.functionCount(), module.allTables().size(), module.allMemories().size(),
                        module.allGlobals().size(), module.data().size(), module.elements().size());
    }

    /** The module this instance was made from. */
    public WasmModule module() {
        return module;
    }

    public String name() {
        return name;
    }

    public FunctionInstance[] functions() {
        return functions;
    }

    public TableInstance[] tables() {
        return tables;
    }

    public LinearMemory[] memories() {
        return memories;
    }

    public GlobalInstance[] globals() {
        return globals;
    }

    public FunctionInstance function(int index) {
        return functions[index];
    }

    public TableInstance table(int index) {
        return tables[index];
    }

    public LinearMemory memory(int index) {
        return memories[index];
    }

    public GlobalInstance global(int index) {
        return globals[index];
    }

    public byte[] dataSegment(int index) {
        return dataSegments[index];
    }

    public void setDataSegment(int index, byte[] bytes) {
        dataSegments[index] = bytes;
    }

    public Object[] elementSegment(int index) {
        return elementSegments[index];
    }

    public void setElementSegment(int index, Object[] elements) {
        elementSegments[index] = elements;
    }

    /**
     * Exports by name, in declaration order: a {@link FunctionInstance}, {@link TableInstance},
     * {@link LinearMemory} or {@link GlobalInstance}. Filled by instantiation, read-only afterwards.
     */
    public Map<String, Object> exports() {
        return exports;
    }

    /** The export named {@code name}, or null when there is none. */
    public Object export(String name) {
        return exports.get(name);
    }

    @Override
    public String toString() {
        return "instance " + name;
    }
}
