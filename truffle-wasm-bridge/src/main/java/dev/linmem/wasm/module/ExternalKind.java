package dev.linmem.wasm.module;

/** The kind of an import or export, with its binary encoding. */
public enum ExternalKind {
    FUNCTION(0x00),
    TABLE(0x01),
    MEMORY(0x02),
    GLOBAL(0x03);

    private final int code;

    ExternalKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind encoded by {@code code}, or {@code null}. */
    public static ExternalKind fromCode(int code) {
        return switch (code) {
            case 0x00 -> FUNCTION;
            case 0x01 -> TABLE;
            case 0x02 -> MEMORY;
            case 0x03 -> GLOBAL;
            default -> null;
        };
    }
}
