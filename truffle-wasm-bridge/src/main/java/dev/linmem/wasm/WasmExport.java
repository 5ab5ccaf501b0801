package dev.linmem.wasm;

import java.util.List;

import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.ValType;

/**
 * One export of an instance. For functions, {@code params} and {@code results} are the function's
 * type (so a command line can parse arguments); for a global, {@code results} holds its value type;
 * otherwise both are empty.
 */
public record WasmExport(String name, ExternalKind kind, List<ValType> params, List<ValType> results) {
}
