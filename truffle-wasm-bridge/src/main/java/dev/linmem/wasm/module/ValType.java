package dev.linmem.wasm.module;

/**
 * A WebAssembly value type, with its binary encoding.
 *
 * <p>{@code v128} is not a member: SIMD is refused when decoding.
 */
public enum ValType {
    I32(0x7F),
    I64(0x7E),
    F32(0x7D),
    F64(0x7C),
    FUNCREF(0x70),
    EXTERNREF(0x6F);

    private final int code;

    ValType(int code) {
        this.code = code;
    }

    /** The byte that encodes this type in the binary format. */
    public int code() {
        return code;
    }

    /** True for the reference types {@code funcref} and {@code externref}. */
    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    /** True for the number types i32, i64, f32, f64. */
    public boolean isNumber() {
        return !isReference();
    }

    /** The type encoded by {@code code}, or {@code null} if the byte encodes none we support. */
    public static ValType fromCode(int code) {
        return switch (code) {
            case 0x7F -> I32;
            case 0x7E -> I64;
            case 0x7D -> F32;
            case 0x7C -> F64;
            case 0x70 -> FUNCREF;
            case 0x6F -> EXTERNREF;
            default -> null;
        };
    }

    /** The text-format name, as in error messages: {@code i32}, {@code funcref}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
