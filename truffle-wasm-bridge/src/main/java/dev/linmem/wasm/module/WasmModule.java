package dev.linmem.wasm.module;

import java.util.List;

/**
 * A decoded and validated WebAssembly module.
 *
 * <p>Index spaces (functions, tables, memories, globals) start with the imports of that kind in
 * import order, followed by the module's own definitions: {@link #functions()} holds only the
 * defined functions, so the function with index {@code i} is
 * {@code functions().get(i - importedFunctionCount())} when {@code i >= importedFunctionCount()}.
 *
 * <p>{@link #bytes()} is the original binary; the interpreter reads opcodes and immediates from it
 * (see {@link dev.linmem.wasm.binary.CodeReader}). It must not be modified.
 */
public final class WasmModule {

    private final byte[] bytes;
    private final List<FuncType> types;
    private final List<Import> imports;
    private final List<WasmFunction> functions;
    private final List<TableType> tables;
    private final List<MemoryLimits> memories;
    private final List<Global> globals;
    private final List<Export> exports;
    private final int startFunction;
    private final List<ElementSegment> elements;
    private final List<DataSegment> data;
    private final int dataCount;
    private final int[] functionTypeIndices;
    private final List<TableType> allTables;
    private final List<MemoryLimits> allMemories;
    private final List<GlobalType> allGlobals;
    private final int importedFunctionCount;
    private final int importedTableCount;
    private final int importedMemoryCount;
    private final int importedGlobalCount;

    /**
     * Built by the decoder. The {@code all*} arguments are the whole index spaces (imports first);
     * {@code functionTypeIndices} gives the type index of every function in the index space.
     */
    public WasmModule(byte[] bytes, List<FuncType> types, List<Import> imports, List<WasmFunction> functions,
                    List<TableType> tables, List<MemoryLimits> memories, List<Global> globals, List<Export> exports,
                    int startFunction, List<ElementSegment> elements, List<DataSegment> data, int dataCount,
                    int[] functionTypeIndices, List<TableType> allTables, List<MemoryLimits> allMemories,
                    List<GlobalType> allGlobals) {
        this.bytes = bytes;
        this.types = List.copyOf(types);
        this.imports = List.copyOf(imports);
        this.functions = List.copyOf(functions);
        this.tables = List.copyOf(tables);
        this.memories = List.copyOf(memories);
        this.globals = List.copyOf(globals);
        this.exports = List.copyOf(exports);
        this.startFunction = startFunction;
        this.elements = List.copyOf(elements);
        this.data = List.copyOf(data);
        this.dataCount = dataCount;
        this.functionTypeIndices = functionTypeIndices;
        this.allTables = List.copyOf(allTables);
        this.allMemories = List.copyOf(allMemories);
        this.allGlobals = List.copyOf(allGlobals);
        this.importedFunctionCount = functionTypeIndices.length - functions.size();
        this.importedTableCount = allTables.size() - tables.size();
        this.importedMemoryCount = allMemories.size() - memories.size();
        this.importedGlobalCount = allGlobals.size() - globals.size();
    }

    /** The original binary (not copied; do not modify). */
    public byte[] bytes() {
        return bytes;
    }

    /** The type section. */
    public List<FuncType> types() {
        return types;
    }

    public List<Import> imports() {
        return imports;
    }

    /** Functions defined by the module (not imported), in function index order. */
    public List<WasmFunction> functions() {
        return functions;
    }

    /** Tables defined by the module (not imported). */
    public List<TableType> tables() {
        return tables;
    }

    /** Memories defined by the module (not imported). */
    public List<MemoryLimits> memories() {
        return memories;
    }

    /** Globals defined by the module (not imported). */
    public List<Global> globals() {
        return globals;
    }

    public List<Export> exports() {
        return exports;
    }

    /** The start function's index, or -1 when there is none. */
    public int startFunction() {
        return startFunction;
    }

    public List<ElementSegment> elements() {
        return elements;
    }

    public List<DataSegment> data() {
        return data;
    }

    /** The count declared by the data count section, or -1 when the section is absent. */
    public int dataCount() {
        return dataCount;
    }

    public int importedFunctionCount() {
        return importedFunctionCount;
    }

    public int importedTableCount() {
        return importedTableCount;
    }

    public int importedMemoryCount() {
        return importedMemoryCount;
    }

    public int importedGlobalCount() {
        return importedGlobalCount;
    }

    /** The number of functions in the index space (imported and defined). */
    public int functionCount() {
        return functionTypeIndices.length;
    }

    /** The type index of function {@code functionIndex} (imported or defined). */
    public int functionTypeIndex(int functionIndex) {
        return functionTypeIndices[functionIndex];
    }

    /** The type of function {@code functionIndex} (imported or defined). */
    public FuncType functionType(int functionIndex) {
        return types.get(functionTypeIndices[functionIndex]);
    }

    /** The defined function with index {@code functionIndex}, or null when it is imported. */
    public WasmFunction function(int functionIndex) {
        int i = functionIndex - importedFunctionCount;
        return i >= 0 ? functions.get(i) : null;
    }

    /** Every table type in the table index space (imports first). */
    public List<TableType> allTables() {
        return allTables;
    }

    /** Every memory type in the memory index space (imports first). */
    public List<MemoryLimits> allMemories() {
        return allMemories;
    }

    /** Every global type in the global index space (imports first). */
    public List<GlobalType> allGlobals() {
        return allGlobals;
    }

    /** The export named {@code name}, or null. */
    public Export export(String name) {
        for (Export e : exports) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
