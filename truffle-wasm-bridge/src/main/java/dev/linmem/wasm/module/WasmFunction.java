package dev.linmem.wasm.module;

/**
 * A function defined by the module (not imported), validated, with the control-flow side table
 * the interpreter uses.
 *
 * <p>Offsets ("pc") are offsets in bytes into {@link WasmModule#bytes()}. The body's instructions
 * are the bytes {@code [bodyStart, bodyEnd)}; the last one is the function's final {@code end}.
 *
 * <p>Side table (see CONTRACT.md): {@code sideTableIndex[pc - bodyStart]} is -1 or the index into
 * {@code sideTable} of the first triple {@code (targetPc, arity, stackHeight)} for the instruction
 * at {@code pc}:
 * <ul>
 * <li>{@code if}: one triple: where to go when the condition is false (just after the matching
 * {@code else} opcode, or the matching {@code end}'s pc when there is no else); arity = block params;
 * stackHeight = operand height below the params.</li>
 * <li>{@code else}: one triple: the pc of the matching {@code end} (arity/stackHeight as for a branch
 * out of the block, which the interpreter may ignore: the stack is already right).</li>
 * <li>{@code br}, {@code br_if}: one triple; {@code br_table}: count + 1 triples, labels then default.
 * targetPc is the first instruction of a loop body for loop labels, else the pc after the label's
 * {@code end}; arity is the loop's params or the block's results; stackHeight is the operand height
 * at block entry below its params. A branch to the function label has targetPc = bodyEnd
 * (behaves like {@code return}).</li>
 * </ul>
 *
 * @param functionIndex index in the module's function index space (imports first)
 * @param typeIndex index into {@link WasmModule#types()}
 * @param type the function's type
 * @param locals the type of every local by local index: the parameters first, then the declared locals
 * @param bodyStart pc of the first instruction (after the local declarations)
 * @param bodyEnd pc just past the final {@code end} opcode (exclusive)
 * @param maxStackHeight the most operand-stack values live at once (locals not counted)
 * @param sideTableIndex per byte of the body, -1 or an index into {@code sideTable}
 * @param sideTable triples (targetPc, arity, stackHeight)
 */
public record WasmFunction(int functionIndex, int typeIndex, FuncType type, ValType[] locals, int bodyStart, int bodyEnd,
                int maxStackHeight, int[] sideTableIndex, int[] sideTable) {

    /** The number of parameters, which are locals 0 to paramCount - 1. */
    public int paramCount() {
        return type.params().length;
    }

    /** The parameter types (shared with {@link #type()}; do not modify). */
    public ValType[] params() {
        return type.params();
    }

    /** The result types (shared with {@link #type()}; do not modify). */
    public ValType[] results() {
        return type.results();
    }

    /** The number of instructions' bytes: {@code bodyEnd - bodyStart}. */
    public int bodyLength() {
        return bodyEnd - bodyStart;
    }
}
