package dev.linmem.wasm.binary;

import dev.linmem.wasm.module.ConstExpr;
import dev.linmem.wasm.module.ConstInstruction;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and validates a constant expression: {@code t.const}, {@code ref.null}, {@code ref.func},
 * {@code global.get} of an immutable global, and the extended-const {@code i32/i64 add, sub, mul},
 * terminated by {@code end}, producing exactly one value of the expected type. Format errors are
 * thrown at once; validation errors are recorded with {@link ModuleBuilder#deferInvalid} and thrown
 * after all sections are decoded.
 */
final class ConstExprDecoder {

    private static final int END = 0x0B;

    private ConstExprDecoder() {
    }

    /**
     * @param visibleGlobals how many globals of {@code module.allGlobals} the expression may read
     *            (a global's initializer sees only the globals before it)
     */
    static ConstExpr read(CodeReader r, ModuleBuilder module, int visibleGlobals, ValType expected) {
        int start = r.position();
        List<ConstInstruction> instructions = new ArrayList<>();
        List<ValType> stack = new ArrayList<>();
        while (true) {
            int at = r.position();
            int opcode = r.u8();
            switch (opcode) {
                case END -> {
                    if (stack.size() != 1 || stack.get(0) != expected) {
                        module.deferInvalid("type mismatch: constant expression must produce [" + expected.text()
                                        + "] but produces " + stack, at);
                    }
                    return new ConstExpr(start, r.position(), List.copyOf(instructions), expected);
                }
                case ConstInstruction.I32_CONST -> {
                    instructions.add(new ConstInstruction(opcode, r.s32()));
                    stack.add(ValType.I32);
                }
                case ConstInstruction.I64_CONST -> {
                    instructions.add(new ConstInstruction(opcode, r.s64()));
                    stack.add(ValType.I64);
                }
                case ConstInstruction.F32_CONST -> {
                    instructions.add(new ConstInstruction(opcode, r.f32Bits() & 0xFFFFFFFFL));
                    stack.add(ValType.F32);
                }
                case ConstInstruction.F64_CONST -> {
                    instructions.add(new ConstInstruction(opcode, r.f64Bits()));
                    stack.add(ValType.F64);
                }
                case ConstInstruction.REF_NULL -> {
                    ValType t = TypeDecoder.refNullHeapType(r);
                    instructions.add(new ConstInstruction(opcode, t.code()));
                    stack.add(t);
                }
                case ConstInstruction.REF_FUNC -> {
                    long index = r.u32();
                    if (index >= module.functionCount) {
                        module.deferInvalid("unknown function " + index, at);
                    }
                    instructions.add(new ConstInstruction(opcode, index));
                    stack.add(ValType.FUNCREF);
                }
                case ConstInstruction.GLOBAL_GET -> {
                    long index = r.u32();
                    instructions.add(new ConstInstruction(opcode, index));
                    if (index >= visibleGlobals) {
                        module.deferInvalid("unknown global " + index, at);
                        stack.add(expected);
                        continue;
                    }
                    GlobalType g = module.allGlobals.get((int) index);
                    if (g.mutable()) {
                        module.deferInvalid("constant expression required: global.get of mutable global " + index, at);
                    }
                    stack.add(g.valueType());
                }
                case ConstInstruction.I32_ADD, ConstInstruction.I32_SUB, ConstInstruction.I32_MUL -> {
                    binary(module, stack, ValType.I32, at);
                    instructions.add(new ConstInstruction(opcode, 0));
                }
                case ConstInstruction.I64_ADD, ConstInstruction.I64_SUB, ConstInstruction.I64_MUL -> {
                    binary(module, stack, ValType.I64, at);
                    instructions.add(new ConstInstruction(opcode, 0));
                }
                default -> {
                    if (!Opcodes.isKnownSingleByte(opcode) && !Opcodes.isPrefix(opcode) && !Unsupported.isNonConstantOpcode(opcode)) {
                        throw Opcodes.refuseOpcode(opcode, at);
                    }
                    module.deferInvalid("constant expression required: opcode 0x" + Integer.toHexString(opcode)
                                    + " is not constant", at);
                    r.position(at);
                    BodyScanner.skipExpression(r);
                    return new ConstExpr(start, r.position(), List.copyOf(instructions), expected);
                }
            }
        }
    }

    private static void binary(ModuleBuilder module, List<ValType> stack, ValType t, int at) {
        int n = stack.size();
        if (n < 2 || stack.get(n - 1) != t || stack.get(n - 2) != t) {
            module.deferInvalid("type mismatch: " + t.text() + " arithmetic needs two " + t.text() + " operands", at);
        }
        // Leave one value of type t in place of the operands (keeps later checks meaningful).
        stack.subList(Math.max(0, n - 2), n).clear();
        stack.add(t);
    }
}
