package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.DataSegment;
import dev.linmem.wasm.module.ElementSegment;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.Global;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.Import;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the section decoder has read so far; the validators read it, then it becomes a
 * {@link dev.linmem.wasm.module.WasmModule}. Index spaces ({@code allTables}, ...) list imports first.
 */
final class ModuleBuilder {

    /** A function body as found in the code section, before validation. */
    record Code(ValType[] locals, int bodyStart, int bodyEnd) {
    }

    final byte[] bytes;
    final List<FuncType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    /** Type index of every function in the index space, imports first; grows as sections are read. */
    int[] functionTypeIndices = new int[0];
    int functionCount;
    int importedFunctionCount;
    /** Offset of each function section entry (for error offsets). */
    final List<Integer> functionDeclOffsets = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<TableType> allTables = new ArrayList<>();
    final List<MemoryLimits> memories = new ArrayList<>();
    final List<MemoryLimits> allMemories = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<GlobalType> allGlobals = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    final List<Integer> exportOffsets = new ArrayList<>();
    int startFunction = -1;
    int startOffset = -1;
    final List<ElementSegment> elements = new ArrayList<>();
    final List<Integer> elementOffsets = new ArrayList<>();
    final List<DataSegment> data = new ArrayList<>();
    final List<Integer> dataOffsets = new ArrayList<>();
    int dataCount = -1;
    final List<Code> codes = new ArrayList<>();
    /** Offsets of the import entries, for error offsets. */
    final List<Integer> importOffsets = new ArrayList<>();
    final List<Integer> memoryOffsets = new ArrayList<>();
    final List<Integer> tableOffsets = new ArrayList<>();

    /**
     * The first validation error met while decoding (in a constant expression or a segment). It is
     * thrown only after every section has been decoded, because a module that is both malformed
     * and invalid is malformed (the reference interpreter decodes before it validates).
     */
    WasmException deferredInvalid;

    ModuleBuilder(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Records a validation error for after decoding; the first one wins. */
    void deferInvalid(String message, int offset) {
        if (deferredInvalid == null) {
            deferredInvalid = WasmException.invalid(message, offset);
        }
    }

    void addFunction(int typeIndex) {
        if (functionCount == functionTypeIndices.length) {
            functionTypeIndices = java.util.Arrays.copyOf(functionTypeIndices, Math.max(8, functionCount * 2));
        }
        functionTypeIndices[functionCount++] = typeIndex;
    }

    int[] functionTypeIndicesTrimmed() {
        return java.util.Arrays.copyOf(functionTypeIndices, functionCount);
    }
}
