package dev.linmem.wasm.module;

import java.util.List;

/**
 * A validated constant expression (global initializer, segment offset, element item).
 *
 * <p>The engine evaluates it at instantiation with a small value stack over {@link #instructions()}:
 * imported globals may be read by {@code global.get}, so the value is not known when decoding.
 *
 * @param start offset in bytes into the module binary of the first instruction
 * @param end offset in bytes just past the terminating {@code end} opcode
 * @param instructions the decoded instructions without the final {@code end}
 * @param type the type of the single value it produces
 */
public record ConstExpr(int start, int end, List<ConstInstruction> instructions, ValType type) {

    /**
     * The single {@code i32.const}/{@code i64.const} value when the expression is just that, so
     * engines can skip evaluation for the common segment offsets; otherwise {@code null}.
     */
    public Long constantValue() {
        if (instructions.size() == 1) {
            ConstInstruction only = instructions.get(0);
            if (only.opcode() == ConstInstruction.I32_CONST || only.opcode() == ConstInstruction.I64_CONST) {
                return only.immediate();
            }
        }
        return null;
    }
}
