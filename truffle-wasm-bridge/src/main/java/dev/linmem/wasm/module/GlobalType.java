package dev.linmem.wasm.module;

/** The type of a global: its value type and whether {@code global.set} may change it. */
public record GlobalType(ValType valueType, boolean mutable) {
}
