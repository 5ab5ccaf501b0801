package dev.linmem.wasm.link;

import java.util.ArrayDeque;
import java.util.Deque;

import dev.linmem.wasm.module.ConstExpr;
import dev.linmem.wasm.module.ConstInstruction;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * Evaluates constant expressions at instantiation: global initializers, segment offsets and
 * element items, including the extended-const arithmetic and {@code global.get} of globals that
 * are already initialized. Results use the internal value representation (numbers as Long bits).
 */
final class ConstantEvaluator {
    private ConstantEvaluator() {
    }

    /** A marker for null references on the stack, because ArrayDeque refuses null. */
    private static final Object NULL_REFERENCE = new Object();

    static Object evaluate(ConstExpr expr, ModuleInstance instance) {
        Long constant = expr.constantValue();
        if (constant != null) {
            return constant;
        }
        Deque<Object> stack = new ArrayDeque<>();
        for (ConstInstruction instruction : expr.instructions()) {
            long immediate = instruction.immediate();
            switch (instruction.opcode()) {
                case ConstInstruction.I32_CONST, ConstInstruction.I64_CONST, ConstInstruction.F32_CONST, ConstInstruction.F64_CONST ->
                    stack.push(immediate);
                case ConstInstruction.GLOBAL_GET -> {
                    Object value = instance.global((int) immediate).value();
                    stack.push(value == null ? NULL_REFERENCE : value);
                }
                case ConstInstruction.REF_NULL -> stack.push(NULL_REFERENCE);
                case ConstInstruction.REF_FUNC -> stack.push(instance.function((int) immediate));
                case ConstInstruction.I32_ADD, ConstInstruction.I32_SUB, ConstInstruction.I32_MUL, ConstInstruction.I64_ADD,
                                ConstInstruction.I64_SUB, ConstInstruction.I64_MUL -> {
                    long b = (Long) stack.pop();
                    long a = (Long) stack.pop();
                    stack.push(arithmetic(instruction.opcode(), a, b));
                }
                default -> throw new IllegalStateException("not a constant instruction: 0x" + Integer.toHexString(instruction.opcode()));
            }
        }
        Object result = stack.pop();
        return result == NULL_REFERENCE ? null : result;
    }

    /** i32 results are kept sign-extended, like every i32 in the internal representation. */
    private static long arithmetic(int opcode, long a, long b) {
        return switch (opcode) {
            case ConstInstruction.I32_ADD -> (int) a + (int) b;
            case ConstInstruction.I32_SUB -> (int) a - (int) b;
            case ConstInstruction.I32_MUL -> (int) a * (int) b;
            case ConstInstruction.I64_ADD -> a + b;
            case ConstInstruction.I64_SUB -> a - b;
            default -> a * b;
        };
    }
}
