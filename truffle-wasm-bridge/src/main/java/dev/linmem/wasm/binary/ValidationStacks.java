package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.ValType;
import java.util.Arrays;

/**
 * The operand and control stacks of the validation algorithm in the spec's appendix, plus the
 * side-table builder. Operand types are {@link ValType#ordinal()} or {@link #UNKNOWN} (the
 * bottom type that unreachable code pops from an empty, polymorphic stack).
 */
class ValidationStacks {

    static final int UNKNOWN = -1;
    /** Pseudo-opcode of the function's outermost frame. */
    static final int FUNCTION_FRAME = -1;
    private static final ValType[] TYPES = ValType.values();

    /** One entry of the control stack. */
    static final class Frame {
        int opcode;
        ValType[] params;
        ValType[] results;
        /** Operand height at block entry, below the params. */
        int height;
        boolean unreachable;
        /** For loops: the pc of the loop body's first instruction (a branch target). */
        int loopTarget;
        /** For if: the side-table index of its triple, patched at else or end. */
        int ifEntry = -1;
        /** For else: the side-table index of its triple, patched at end with the end's pc. */
        int elseEntry = -1;
        /** Side-table indices of branches whose target is just after this frame's end. */
        int[] fixups = new int[0];
        int fixupCount;

        ValType[] labelTypes() {
            return opcode == Opcodes.LOOP ? params : results;
        }

        void addFixup(int entry) {
            if (fixupCount == fixups.length) {
                fixups = Arrays.copyOf(fixups, Math.max(4, fixupCount * 2));
            }
            fixups[fixupCount++] = entry;
        }
    }

    private int[] vals = new int[16];
    int valsSize;
    int maxHeight;
    private Frame[] ctrls = new Frame[8];
    int ctrlSize;
    int[] sideTable = new int[24];
    int sideTableSize;
    final int[] sideTableIndex;
    final int bodyStart;
    /** Offset of the instruction being validated, for error messages. */
    int instructionPc;

    ValidationStacks(int bodyStart, int bodyEnd) {
        this.bodyStart = bodyStart;
        this.sideTableIndex = new int[bodyEnd - bodyStart];
        Arrays.fill(sideTableIndex, -1);
    }

    final WasmException typeMismatch(String detail) {
        return WasmException.invalid("type mismatch: " + detail, instructionPc);
    }

    static String name(int t) {
        return t == UNKNOWN ? "unknown" : TYPES[t].text();
    }

    final void push(int t) {
        if (valsSize == vals.length) {
            vals = Arrays.copyOf(vals, valsSize * 2);
        }
        vals[valsSize++] = t;
        if (valsSize > maxHeight) {
            maxHeight = valsSize;
        }
    }

    final void push(ValType t) {
        push(t.ordinal());
    }

    final void pushAll(ValType[] types) {
        for (ValType t : types) {
            push(t);
        }
    }

    /** Pops any operand; in unreachable code an empty frame yields {@link #UNKNOWN}. */
    final int pop() {
        Frame top = ctrls[ctrlSize - 1];
        if (valsSize == top.height) {
            if (top.unreachable) {
                return UNKNOWN;
            }
            throw typeMismatch("instruction requires an operand but the stack is empty");
        }
        return vals[--valsSize];
    }

    final int pop(ValType expected) {
        int actual = pop();
        if (actual != expected.ordinal() && actual != UNKNOWN) {
            throw typeMismatch("expected " + expected.text() + " but found " + name(actual));
        }
        return actual;
    }

    /** Pops {@code types} (last first), checking each. */
    final void popAll(ValType[] types) {
        for (int i = types.length - 1; i >= 0; i--) {
            pop(types[i]);
        }
    }

    /** Pops {@code types} and returns what was actually popped (UNKNOWN kept), in push order. */
    final int[] popAllActual(ValType[] types) {
        int[] popped = new int[types.length];
        for (int i = types.length - 1; i >= 0; i--) {
            popped[i] = pop(types[i]);
        }
        return popped;
    }

    final Frame pushFrame(int opcode, ValType[] params, ValType[] results) {
        if (ctrlSize == ctrls.length) {
            ctrls = Arrays.copyOf(ctrls, ctrlSize * 2);
        }
        Frame f = new Frame();
        f.opcode = opcode;
        f.params = params;
        f.results = results;
        f.height = valsSize;
        ctrls[ctrlSize++] = f;
        pushAll(params);
        return f;
    }

    /** Checks the frame's results are exactly what is left above its height, then pops it. */
    final Frame popFrame() {
        Frame f = ctrls[ctrlSize - 1];
        popAll(f.results);
        if (valsSize != f.height) {
            throw typeMismatch("block leaves " + (valsSize - f.height) + " extra value(s) on the stack");
        }
        ctrlSize--;
        return f;
    }

    final Frame topFrame() {
        return ctrls[ctrlSize - 1];
    }

    /** The frame of branch label {@code depth} (0 = innermost). */
    final Frame label(long depth) {
        if (depth >= ctrlSize) {
            throw WasmException.invalid("unknown label " + depth, instructionPc);
        }
        return ctrls[ctrlSize - 1 - (int) depth];
    }

    final void setUnreachable() {
        Frame top = ctrls[ctrlSize - 1];
        valsSize = top.height;
        top.unreachable = true;
    }

    /** Appends a triple and returns its index. */
    final int addTriple(int targetPc, int arity, int stackHeight) {
        if (sideTableSize + 3 > sideTable.length) {
            sideTable = Arrays.copyOf(sideTable, sideTable.length * 2);
        }
        int index = sideTableSize;
        sideTable[index] = targetPc;
        sideTable[index + 1] = arity;
        sideTable[index + 2] = stackHeight;
        sideTableSize += 3;
        return index;
    }

    /** The triple of a branch to {@code target}; the target pc is patched later unless it is a loop. */
    final int addBranch(Frame target) {
        if (target.opcode == Opcodes.LOOP) {
            return addTriple(target.loopTarget, target.params.length, target.height);
        }
        int index = addTriple(-1, target.results.length, target.height);
        target.addFixup(index);
        return index;
    }

    final void markInstruction(int pc, int entry) {
        sideTableIndex[pc - bodyStart] = entry;
    }

    /** At a frame's end: branches out of it continue at {@code afterEndPc}. */
    final void patchFixups(Frame f, int afterEndPc) {
        for (int i = 0; i < f.fixupCount; i++) {
            sideTable[f.fixups[i]] = afterEndPc;
        }
    }
}
