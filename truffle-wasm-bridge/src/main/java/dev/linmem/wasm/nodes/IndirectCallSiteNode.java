package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.IndirectCallNode;

import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.WasmTrap;

/**
 * {@code call_indirect type table}: looks the callee up in a table, checks it is there and has
 * the expected type (by canonical type id, so callees from other modules compare correctly).
 */
final class IndirectCallSiteNode extends CallSiteNode {
    private final TableInstance table;
    private final int expectedTypeId;
    /** The caller's instance: a callee from another instance is called through its entry. */
    private final ModuleInstance instance;
    @Child private IndirectCallNode call = IndirectCallNode.create();

    IndirectCallSiteNode(FuncType type, int expectedTypeId, TableInstance table, ModuleInstance instance) {
        super(type);
        this.table = table;
        this.expectedTypeId = expectedTypeId;
        this.instance = instance;
    }

    @Override
    int execute(VirtualFrame frame, int sp) {
        long index = TableInstructions.index(frame, sp - 1, table);
        int base = sp - 1 - parameterCount();
        if (!table.inBounds(index, 1)) {
            throw trap("undefined element ", index);
        }
        Object element = table.get((int) index);
        if (element == null) {
            throw trap("uninitialized element ", index);
        }
        FunctionInstance callee = (FunctionInstance) element;
        if (callee.typeId() != expectedTypeId) {
            throw trap("indirect call type mismatch");
        }
        Object result = call.call(callee.callTargetFrom(instance), readArguments(frame, base));
        return pushResults(frame, base, result);
    }

    private WasmTrap trap(String text) {
        return WasmTrap.create(text, this);
    }

    /** The reference interpreter names the element index after the text ("uninitialized element 2"). */
    private WasmTrap trap(String text, long index) {
        return WasmTrap.create(text + Long.toUnsignedString(index), this);
    }
}
