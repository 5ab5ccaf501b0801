package dev.linmem.wasm.module;

/**
 * One import. Exactly one descriptor field is meaningful, chosen by {@link #kind()}:
 * {@code typeIndex} for functions (an index into {@link WasmModule#types()}, -1 otherwise),
 * {@code table}, {@code memory} or {@code global} for the other kinds (null otherwise).
 */
public record Import(String module, String name, ExternalKind kind, int typeIndex, TableType table, MemoryLimits memory,
                GlobalType global) {

    public static Import function(String module, String name, int typeIndex) {
        return new Import(module, name, ExternalKind.FUNCTION, typeIndex, null, null, null);
    }

    public static Import table(String module, String name, TableType table) {
        return new Import(module, name, ExternalKind.TABLE, -1, table, null, null);
    }

    public static Import memory(String module, String name, MemoryLimits memory) {
        return new Import(module, name, ExternalKind.MEMORY, -1, null, memory, null);
    }

    public static Import global(String module, String name, GlobalType global) {
        return new Import(module, name, ExternalKind.GLOBAL, -1, null, null, global);
    }
}
