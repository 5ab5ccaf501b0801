package dev.linmem.wasm.module;

/**
 * One instruction of a constant expression, decoded.
 *
 * <p>{@code opcode} is the instruction's binary opcode; {@code immediate} depends on it:
 * <ul>
 * <li>{@code 0x41 i32.const}: the value (sign-extended to long); {@code 0x42 i64.const}: the value</li>
 * <li>{@code 0x43 f32.const}: the raw IEEE bits (low 32 bits); {@code 0x44 f64.const}: the raw bits</li>
 * <li>{@code 0x23 global.get}: the global index; {@code 0xD2 ref.func}: the function index</li>
 * <li>{@code 0xD0 ref.null}: the type code ({@code 0x70} funcref, {@code 0x6F} externref)</li>
 * <li>extended-const arithmetic {@code 0x6A i32.add, 0x6B i32.sub, 0x6C i32.mul, 0x7C i64.add,
 * 0x7D i64.sub, 0x7E i64.mul}: 0, the operands are the two values below on the stack</li>
 * </ul>
 * The terminating {@code end} is not included.
 */
public record ConstInstruction(int opcode, long immediate) {

    public static final int I32_CONST = 0x41;
    public static final int I64_CONST = 0x42;
    public static final int F32_CONST = 0x43;
    public static final int F64_CONST = 0x44;
    public static final int GLOBAL_GET = 0x23;
    public static final int REF_NULL = 0xD0;
    public static final int REF_FUNC = 0xD2;
    public static final int I32_ADD = 0x6A;
    public static final int I32_SUB = 0x6B;
    public static final int I32_MUL = 0x6C;
    public static final int I64_ADD = 0x7C;
    public static final int I64_SUB = 0x7D;
    public static final int I64_MUL = 0x7E;
}
