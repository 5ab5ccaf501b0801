package dev.linmem.wasm.module;

/** A global defined by the module: its type and its initializer. */
public record Global(GlobalType type, ConstExpr init) {
}
