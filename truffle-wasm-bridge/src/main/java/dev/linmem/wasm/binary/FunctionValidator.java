package dev.linmem.wasm.binary;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.TableType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmFunction;
import java.util.Arrays;

/**
 * Type-checks one function body with the operand/control stack algorithm of the spec's
 * validation appendix and builds the body's side table (see {@link WasmFunction} and
 * CONTRACT.md) on the way: every branch target is known once its block's {@code end} is seen.
 */
final class FunctionValidator extends MemoryTableValidation {

    private static final ValType[] NONE = new ValType[0];
    /** The block types {@code [] -> [t]}, shared: blocks with one result are the common case. */
    private static final FuncType[] SINGLE_RESULT = new FuncType[ValType.values().length];

    static {
        for (ValType t : ValType.values()) {
            SINGLE_RESULT[t.ordinal()] = new FuncType(NONE, new ValType[]{t});
        }
    }

    private final boolean[] declaredReferences;
    private final int functionIndex;
    private final int typeIndex;
    private final FuncType type;
    private final ValType[] locals;
    private final int bodyStart;
    private final int bodyEnd;

    FunctionValidator(ModuleBuilder m, boolean[] declaredReferences, int functionIndex, ModuleBuilder.Code code) {
        super(m, new CodeReader(m.bytes, code.bodyStart(), m.bytes.length), code.bodyStart(), code.bodyEnd());
        this.declaredReferences = declaredReferences;
        this.functionIndex = functionIndex;
        this.typeIndex = m.functionTypeIndices[functionIndex];
        this.type = m.types.get(typeIndex);
        this.locals = code.locals();
        this.bodyStart = code.bodyStart();
        this.bodyEnd = code.bodyEnd();
    }

    WasmFunction validate() {
        pushFrame(FUNCTION_FRAME, NONE, type.results());
        while (ctrlSize > 0) {
            // Like the reference interpreter, a body without its final end is read on past its
            // declared size (failing there, or in the size check below); see markInstruction.
            instructionPc = r.position();
            int opcode = r.u8();
            instruction(opcode);
        }
        if (r.position() != bodyEnd) {
            throw WasmException.malformed("section size mismatch: bytes after the end of function " + functionIndex, r.position());
        }
        return new WasmFunction(functionIndex, typeIndex, type, locals, bodyStart, bodyEnd, maxHeight, sideTableIndex,
                        Arrays.copyOf(sideTable, sideTableSize));
    }

    private void instruction(int opcode) {
        int pc = instructionPc;
        switch (opcode) {
            case Opcodes.UNREACHABLE -> setUnreachable();
            case Opcodes.NOP -> {
            }
            case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> {
                FuncType bt = blockType();
                if (opcode == Opcodes.IF) {
                    pop(ValType.I32);
                }
                popAll(bt.params());
                Frame f = pushFrame(opcode, bt.params(), bt.results());
                if (opcode == Opcodes.LOOP) {
                    f.loopTarget = r.position();
                } else if (opcode == Opcodes.IF) {
                    f.ifEntry = addTriple(-1, bt.params().length, f.height);
                    markInstruction(pc, f.ifEntry);
                }
            }
            case Opcodes.ELSE -> {
                Frame f = topFrame();
                if (f.opcode != Opcodes.IF) {
                    throw WasmException.malformed("END opcode expected: else without a matching if", pc);
                }
                popFrame();
                // The false branch of the if starts after this else opcode.
                sideTable[f.ifEntry] = r.position();
                f.ifEntry = -1;
                f.elseEntry = addTriple(-1, f.results.length, f.height);
                markInstruction(pc, f.elseEntry);
                // Reopen the same frame for the else branch, keeping its pending branches.
                ctrlSize++;
                f.opcode = Opcodes.ELSE;
                f.unreachable = false;
                pushAll(f.params);
            }
            case Opcodes.END -> {
                Frame f = popFrame();
                if (f.opcode == Opcodes.IF) {
                    // No else: the implicit empty else branch must turn the params into the results.
                    if (!Arrays.equals(f.params, f.results)) {
                        throw typeMismatch("if without else must have matching parameter and result types");
                    }
                    sideTable[f.ifEntry] = pc;
                }
                if (f.elseEntry >= 0) {
                    sideTable[f.elseEntry] = pc;
                }
                patchFixups(f, r.position());
                if (ctrlSize > 0) {
                    pushAll(f.results);
                }
            }
            case Opcodes.BR -> {
                Frame target = label(r.u32());
                popAll(target.labelTypes());
                markInstruction(pc, addBranch(target));
                setUnreachable();
            }
            case Opcodes.BR_IF -> {
                Frame target = label(r.u32());
                pop(ValType.I32);
                ValType[] types = target.labelTypes();
                popAll(types);
                markInstruction(pc, addBranch(target));
                pushAll(types);
            }
            case Opcodes.BR_TABLE -> brTable(pc);
            case Opcodes.RETURN -> {
                popAll(type.results());
                setUnreachable();
            }
            case Opcodes.CALL -> {
                long f = r.u32();
                if (f >= m.functionCount) {
                    throw WasmException.invalid("unknown function " + f, pc);
                }
                FuncType callee = m.types.get(m.functionTypeIndices[(int) f]);
                popAll(callee.params());
                pushAll(callee.results());
            }
            case Opcodes.CALL_INDIRECT -> {
                long typeIdx = r.u32();
                TableType t = table(r.u32());
                if (typeIdx >= m.types.size()) {
                    throw WasmException.invalid("unknown type " + typeIdx, pc);
                }
                if (t.elementType() != ValType.FUNCREF) {
                    throw typeMismatch("call_indirect needs a funcref table");
                }
                FuncType callee = m.types.get((int) typeIdx);
                pop(t.addressType());
                popAll(callee.params());
                pushAll(callee.results());
            }
            case Opcodes.DROP -> pop();
            case Opcodes.SELECT -> select();
            case Opcodes.SELECT_T -> {
                long n = r.u32();
                if (n != 1) {
                    throw WasmException.invalid("invalid result arity: select takes exactly one type, not " + n, pc);
                }
                ValType t = TypeDecoder.valType(r);
                pop(ValType.I32);
                pop(t);
                pop(t);
                push(t);
            }
            case Opcodes.LOCAL_GET -> push(local(r.u32()));
            case Opcodes.LOCAL_SET -> pop(local(r.u32()));
            case Opcodes.LOCAL_TEE -> {
                ValType t = local(r.u32());
                pop(t);
                push(t);
            }
            case Opcodes.GLOBAL_GET -> push(global(r.u32()).valueType());
            case Opcodes.GLOBAL_SET -> {
                long index = r.u32();
                GlobalType g = global(index);
                if (!g.mutable()) {
                    throw WasmException.invalid("immutable global " + index, pc);
                }
                pop(g.valueType());
            }
            case Opcodes.TABLE_GET -> {
                TableType t = table(r.u32());
                pop(t.addressType());
                push(t.elementType());
            }
            case Opcodes.TABLE_SET -> {
                TableType t = table(r.u32());
                pop(t.elementType());
                pop(t.addressType());
            }
            case Opcodes.MEMORY_SIZE -> push(memory(r.u32()).addressType());
            case Opcodes.MEMORY_GROW -> {
                ValType at = memory(r.u32()).addressType();
                pop(at);
                push(at);
            }
            case Opcodes.I32_CONST -> {
                r.s32();
                push(ValType.I32);
            }
            case Opcodes.I64_CONST -> {
                r.s64();
                push(ValType.I64);
            }
            case Opcodes.F32_CONST -> {
                r.f32Bits();
                push(ValType.F32);
            }
            case Opcodes.F64_CONST -> {
                r.f64Bits();
                push(ValType.F64);
            }
            case Opcodes.REF_NULL -> push(TypeDecoder.refNullHeapType(r));
            case Opcodes.REF_IS_NULL -> {
                int t = pop();
                if (t != UNKNOWN && !ValType.values()[t].isReference()) {
                    throw typeMismatch("ref.is_null needs a reference but found " + name(t));
                }
                push(ValType.I32);
            }
            case Opcodes.REF_FUNC -> {
                long f = r.u32();
                if (f >= m.functionCount) {
                    throw WasmException.invalid("unknown function " + f, pc);
                }
                if (!declaredReferences[(int) f]) {
                    throw WasmException.invalid("undeclared function reference " + f, pc);
                }
                push(ValType.FUNCREF);
            }
            case Opcodes.PREFIX_FC -> prefixFC(pc);
            case Opcodes.PREFIX_ATOMIC -> prefixAtomic(pc);
            default -> {
                if (opcode >= Opcodes.FIRST_LOAD && opcode <= Opcodes.LAST_STORE) {
                    loadOrStore(opcode);
                    return;
                }
                ValType[] sig = Opcodes.numericSignature(opcode);
                if (sig == null) {
                    throw Opcodes.refuseOpcode(opcode, pc);
                }
                for (int i = sig.length - 1; i >= 1; i--) {
                    pop(sig[i]);
                }
                push(sig[0]);
            }
        }
    }

    /** A block type: 0x40 (none), a value type (one result), or an s33 type index. */
    private FuncType blockType() {
        int at = r.position();
        int b = r.peekU8();
        if (b == 0x40) {
            r.u8();
            return FuncType.EMPTY;
        }
        ValType single = ValType.fromCode(b);
        if (single != null) {
            r.u8();
            return SINGLE_RESULT[single.ordinal()];
        }
        if (b > 0x40 && b < 0x80) {
            throw TypeDecoder.blockTypeRefusal(r, b, at);
        }
        long index = r.s33();
        if (index < 0) {
            throw WasmException.malformed("malformed block type", at);
        }
        if (index >= m.types.size()) {
            throw WasmException.invalid("unknown type " + index, at);
        }
        return m.types.get((int) index);
    }

    private void brTable(int pc) {
        int n = r.count(1, "length out of bounds");
        long[] depths = new long[n];
        for (int i = 0; i < n; i++) {
            depths[i] = r.u32();
        }
        Frame defaultTarget = label(r.u32());
        pop(ValType.I32);
        int arity = defaultTarget.labelTypes().length;
        int first = -1;
        for (int i = 0; i < n; i++) {
            Frame target = label(depths[i]);
            ValType[] types = target.labelTypes();
            if (types.length != arity) {
                throw typeMismatch("br_table targets have different arities (" + types.length + " and " + arity + ")");
            }
            int[] actual = popAllActual(types);
            for (int t : actual) {
                push(t);
            }
            int entry = addBranch(target);
            if (first < 0) {
                first = entry;
            }
        }
        popAll(defaultTarget.labelTypes());
        int entry = addBranch(defaultTarget);
        markInstruction(pc, first < 0 ? entry : first);
        setUnreachable();
    }

    private void select() {
        pop(ValType.I32);
        int t1 = pop();
        int t2 = pop();
        boolean ref1 = t1 != UNKNOWN && ValType.values()[t1].isReference();
        boolean ref2 = t2 != UNKNOWN && ValType.values()[t2].isReference();
        if (ref1 || ref2) {
            throw typeMismatch("select without a type needs numeric operands");
        }
        if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
            throw typeMismatch("select operands differ: " + name(t1) + " and " + name(t2));
        }
        push(t1 == UNKNOWN ? t2 : t1);
    }

    private ValType local(long index) {
        if (index >= locals.length) {
            throw WasmException.invalid("unknown local " + index, instructionPc);
        }
        return locals[(int) index];
    }

    private GlobalType global(long index) {
        if (index >= m.allGlobals.size()) {
            throw WasmException.invalid("unknown global " + index, instructionPc);
        }
        return m.allGlobals.get((int) index);
    }
}
