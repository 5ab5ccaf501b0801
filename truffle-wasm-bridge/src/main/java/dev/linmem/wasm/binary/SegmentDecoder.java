package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.ConstExpr;
import dev.linmem.wasm.module.DataSegment;
import dev.linmem.wasm.module.ElementSegment;
import dev.linmem.wasm.module.SegmentMode;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the element and data sections. Their eight (elements) and three (data) encodings are
 * told apart by a leading flags value. Indices and offset expressions are validated here, since
 * everything they refer to (tables, memories, globals, functions) is declared in earlier sections;
 * their validation errors are deferred (see {@link ModuleBuilder#deferInvalid}) so that a format
 * error later in the module still wins.
 */
final class SegmentDecoder {

    private SegmentDecoder() {
    }

    /**
     * Element segment flags: bit 0 passive or declarative, bit 1 explicit table index (active) or
     * declarative (otherwise), bit 2 items are expressions instead of function indices.
     */
    static void readElements(CodeReader r, ModuleBuilder m) {
        int n = r.count(1, "length out of bounds");
        for (int i = 0; i < n; i++) {
            int at = r.position();
            long flags = r.u32();
            if (flags > 7) {
                throw WasmException.malformed("malformed elements segment kind " + flags, at);
            }
            int f = (int) flags;
            boolean active = (f & 1) == 0;
            boolean explicitTable = active && (f & 2) != 0;
            boolean expressions = (f & 4) != 0;
            SegmentMode mode = active ? SegmentMode.ACTIVE : (f & 2) != 0 ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
            int tableIndex = 0;
            int tableAt = r.position();
            if (explicitTable) {
                tableIndex = (int) Math.min(r.u32(), Integer.MAX_VALUE);
            }
            ConstExpr offset = null;
            boolean tableKnown = tableIndex < m.allTables.size();
            if (active) {
                if (!tableKnown) {
                    m.deferInvalid("unknown table " + tableIndex, tableAt);
                }
                ValType offsetType = tableKnown ? m.allTables.get(tableIndex).addressType() : ValType.I32;
                offset = ConstExprDecoder.read(r, m, m.allGlobals.size(), offsetType);
            }
            ValType elementType = ValType.FUNCREF;
            // Flags 0 and 4 have neither element kind nor type: funcref is implied.
            if ((f & 3) != 0) {
                int kindAt = r.position();
                if (expressions) {
                    elementType = TypeDecoder.refType(r);
                } else if (r.u8() != 0x00) {
                    throw WasmException.malformed("malformed elements segment kind", kindAt);
                }
            }
            int[] functionIndices = null;
            List<ConstExpr> items = null;
            int count = r.count(1, "length out of bounds");
            if (expressions) {
                items = new ArrayList<>(count);
                for (int k = 0; k < count; k++) {
                    items.add(ConstExprDecoder.read(r, m, m.allGlobals.size(), elementType));
                }
            } else {
                functionIndices = new int[count];
                for (int k = 0; k < count; k++) {
                    int idxAt = r.position();
                    long index = r.u32();
                    if (index >= m.functionCount) {
                        m.deferInvalid("unknown function " + index, idxAt);
                    }
                    functionIndices[k] = (int) Math.min(index, Integer.MAX_VALUE);
                }
            }
            if (active && tableKnown) {
                TableType table = m.allTables.get(tableIndex);
                if (table.elementType() != elementType) {
                    m.deferInvalid("type mismatch: element segment of " + elementType.text() + " for a table of "
                                    + table.elementType().text(), at);
                }
            }
            m.elements.add(new ElementSegment(mode, tableIndex, offset, elementType, functionIndices,
                            items == null ? null : List.copyOf(items)));
            m.elementOffsets.add(at);
        }
    }

    /** Data segment flags: 0 active in memory 0, 1 passive, 2 active with an explicit memory index. */
    static void readData(CodeReader r, ModuleBuilder m) {
        int countAt = r.position();
        int n = r.count(1, "length out of bounds");
        if (m.dataCount >= 0 && n != m.dataCount) {
            throw WasmException.malformed("data count and data section have inconsistent lengths", countAt);
        }
        for (int i = 0; i < n; i++) {
            int at = r.position();
            long flags = r.u32();
            if (flags > 2) {
                throw WasmException.malformed("malformed data segment kind " + flags, at);
            }
            SegmentMode mode = flags == 1 ? SegmentMode.PASSIVE : SegmentMode.ACTIVE;
            int memoryIndex = 0;
            int memAt = r.position();
            if (flags == 2) {
                memoryIndex = (int) Math.min(r.u32(), Integer.MAX_VALUE);
            }
            ConstExpr offset = null;
            if (mode == SegmentMode.ACTIVE) {
                ValType offsetType = ValType.I32;
                if (memoryIndex >= m.allMemories.size()) {
                    m.deferInvalid("unknown memory " + memoryIndex, memAt);
                } else {
                    offsetType = m.allMemories.get(memoryIndex).addressType();
                }
                offset = ConstExprDecoder.read(r, m, m.allGlobals.size(), offsetType);
            }
            int lengthAt = r.position();
            int length = r.length();
            if (length > r.remaining()) {
                throw WasmException.malformed("unexpected end of section or function: data segment of " + length + " bytes",
                                lengthAt);
            }
            int start = r.position();
            byte[] contents = Arrays.copyOfRange(r.bytes(), start, start + (int) length);
            r.position(start + (int) length);
            m.data.add(new DataSegment(mode, memoryIndex, offset, contents, start));
            m.dataOffsets.add(at);
        }
    }
}
