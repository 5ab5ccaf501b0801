package dev.linmem.wasm.module;

/**
 * One export: its name (unique in the module), its kind, and the index in that kind's index space
 * (imports first, then the module's own definitions).
 */
public record Export(String name, ExternalKind kind, int index) {
}
