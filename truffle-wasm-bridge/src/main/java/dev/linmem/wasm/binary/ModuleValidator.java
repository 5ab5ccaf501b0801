package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.ConstExpr;
import dev.linmem.wasm.module.ConstInstruction;
import dev.linmem.wasm.module.ElementSegment;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.Global;
import dev.linmem.wasm.module.Import;
import dev.linmem.wasm.module.MemoryLimits;
import dev.linmem.wasm.module.TableType;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Module-level validation: type indices, limits, start function, exports, the number of tables
 * and memories, and the set of functions that {@code ref.func} may name inside function bodies.
 * (Segments and constant expressions were validated while they were read.)
 */
final class ModuleValidator {

    /** Memory32 limit: 2^16 pages of 64 KiB = 4 GiB. */
    static final long MAX_PAGES_32 = 1L << 16;
    /** Memory64 limit: 2^48 pages of 64 KiB = 2^64 bytes. */
    static final long MAX_PAGES_64 = 1L << 48;
    /** Table limit for 32-bit tables: 2^32 - 1 elements. */
    static final long MAX_TABLE_SIZE = 0xFFFF_FFFFL;

    private final ModuleBuilder m;
    private final WasmFeatures features;
    private boolean[] declaredReferences;

    ModuleValidator(ModuleBuilder m, WasmFeatures features) {
        this.m = m;
        this.features = features;
    }

    /**
     * Functions that may appear in {@code ref.func} inside a body: those referenced outside the
     * bodies, by an element segment, an export or a global initializer (the spec's C.refs).
     */
    boolean[] declaredFunctionReferences() {
        return declaredReferences;
    }

    void validate() {
        int typeCount = m.types.size();
        for (int i = 0; i < m.imports.size(); i++) {
            Import imp = m.imports.get(i);
            int at = m.importOffsets.get(i);
            switch (imp.kind()) {
                case FUNCTION -> checkTypeIndex(imp.typeIndex(), typeCount, at);
                case TABLE -> checkTable(imp.table(), at);
                case MEMORY -> checkMemory(imp.memory(), at);
                case GLOBAL -> {
                }
            }
        }
        for (int i = 0; i < m.functionDeclOffsets.size(); i++) {
            checkTypeIndex(m.functionTypeIndices[m.importedFunctionCount + i], typeCount, m.functionDeclOffsets.get(i));
        }
        int importedTables = m.allTables.size() - m.tables.size();
        for (int i = 0; i < m.tables.size(); i++) {
            checkTable(m.tables.get(i), m.tableOffsets.get(importedTables + i));
        }
        int importedMemories = m.allMemories.size() - m.memories.size();
        for (int i = 0; i < m.memories.size(); i++) {
            checkMemory(m.memories.get(i), m.memoryOffsets.get(importedMemories + i));
        }
        if (!features.multiTable() && m.allTables.size() > 1) {
            throw WasmException.invalid("multiple tables", m.tableOffsets.get(1));
        }
        if (!features.multiMemory() && m.allMemories.size() > 1) {
            throw WasmException.invalid("multiple memories", m.memoryOffsets.get(1));
        }
        checkStart();
        checkExports();
        collectDeclaredReferences();
    }

    private static void checkTypeIndex(int typeIndex, int typeCount, int at) {
        if (Integer.compareUnsigned(typeIndex, typeCount) >= 0) {
            throw WasmException.invalid("unknown type " + Integer.toUnsignedString(typeIndex), at);
        }
    }

    private static void checkTable(TableType t, int at) {
        checkLimits(t.minimumSize(), t.maximumSize(), t.is64() ? -1L : MAX_TABLE_SIZE, "table size must be at most 2^32-1", at);
    }

    private static void checkMemory(MemoryLimits mem, int at) {
        OptionalLong max = mem.maximumPages();
        if (mem.is64()) {
            checkLimits(mem.minimumPages(), max, MAX_PAGES_64, "memory size must be at most 2^48 pages (256 TiB)", at);
        } else {
            checkLimits(mem.minimumPages(), max, MAX_PAGES_32, "memory size must be at most 65536 pages (4GiB)", at);
        }
        if (mem.shared() && mem.maximumPages().isEmpty()) {
            throw WasmException.invalid("shared memory must have maximum", at);
        }
    }

    /** Sizes are unsigned u64: a negative long is above every range. */
    private static void checkLimits(long min, OptionalLong maximum, long range, String rangeMessage, int at) {
        if (Long.compareUnsigned(min, range) > 0) {
            throw WasmException.invalid(rangeMessage, at);
        }
        if (maximum.isPresent()) {
            long max = maximum.getAsLong();
            if (Long.compareUnsigned(max, range) > 0) {
                throw WasmException.invalid(rangeMessage, at);
            }
            if (Long.compareUnsigned(min, max) > 0) {
                throw WasmException.invalid("size minimum must not be greater than maximum", at);
            }
        }
    }

    private void checkStart() {
        if (m.startOffset < 0) {
            return;
        }
        if (m.startFunction >= m.functionCount) {
            throw WasmException.invalid("unknown function " + m.startFunction, m.startOffset);
        }
        FuncType t = m.types.get(m.functionTypeIndices[m.startFunction]);
        if (t.params().length != 0 || t.results().length != 0) {
            throw WasmException.invalid("start function must not have parameters or results", m.startOffset);
        }
    }

    private void checkExports() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < m.exports.size(); i++) {
            Export e = m.exports.get(i);
            int at = m.exportOffsets.get(i);
            int limit = switch (e.kind()) {
                case FUNCTION -> m.functionCount;
                case TABLE -> m.allTables.size();
                case MEMORY -> m.allMemories.size();
                case GLOBAL -> m.allGlobals.size();
            };
            if (e.index() >= limit) {
                String what = switch (e.kind()) {
                    case FUNCTION -> "function";
                    case TABLE -> "table";
                    case MEMORY -> "memory";
                    case GLOBAL -> "global";
                };
                throw WasmException.invalid("unknown " + what + " " + e.index(), at);
            }
            if (!names.add(e.name())) {
                throw WasmException.invalid("duplicate export name \"" + e.name() + "\"", at);
            }
        }
    }

    private void collectDeclaredReferences() {
        declaredReferences = new boolean[m.functionCount];
        for (ElementSegment seg : m.elements) {
            if (seg.functionIndices() != null) {
                for (int f : seg.functionIndices()) {
                    declaredReferences[f] = true;
                }
            } else {
                markRefFuncs(seg.expressions());
            }
        }
        for (Export e : m.exports) {
            if (e.kind() == ExternalKind.FUNCTION) {
                declaredReferences[e.index()] = true;
            }
        }
        for (Global g : m.globals) {
            markRefFuncs(List.of(g.init()));
        }
    }

    private void markRefFuncs(List<ConstExpr> exprs) {
        for (ConstExpr expr : exprs) {
            for (ConstInstruction ins : expr.instructions()) {
                if (ins.opcode() == ConstInstruction.REF_FUNC) {
                    declaredReferences[(int) ins.immediate()] = true;
                }
            }
        }
    }
}
