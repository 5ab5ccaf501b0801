package dev.linmem.wasm.host;

/**
 * A module written in Java, imported by name like an instance: {@code spectest}, WASI's
 * {@code wasi_snapshot_preview1}, or an embedder's own. An engine asks it for its exports once per
 * instantiation that imports from it, so a host module may give each instance state of its own
 * (for example file descriptors) or share one set of exports between all.
 *
 * <pre>{@code
 * HostModule env = new HostModule() {
 *     public String name() { return "env"; }
 *     public Exports instantiate(HostContext context) {
 *         Map<String, Object> exports = Map.of("now", HostFunction.of(List.of(), List.of(ValType.I64),
 *                 (caller, args) -> System.nanoTime()));
 *         return exports::get;
 *     }
 * };
 * }</pre>
 */
public interface HostModule {
    /** The module name imports use. */
    String name();

    /**
     * Makes this module's exports for one instantiation that imports from it; called once for that
     * instantiation, when it is linked, before any of its own code runs.
     */
    Exports instantiate(HostContext context);

    /** A host module's exports for one instantiation, by name. */
    @FunctionalInterface
    interface Exports {
        /**
         * The export named {@code name}: a {@link HostFunction}, a library {@code LinearMemory}, a
         * {@link WasmGlobal} or a {@link WasmTable}; null when there is none (an "unknown import").
         */
        Object get(String name);
    }
}
