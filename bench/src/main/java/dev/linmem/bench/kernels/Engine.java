package dev.linmem.bench.kernels;

import dev.linmem.bench.MemoryKind;

/** The engines item 2 runs each kernel on. */
public enum Engine {
    LINMEM_STATIC_HEAP,
    LINMEM_STATIC_NATIVE,
    LINMEM_DYNAMIC_HEAP,
    LINMEM_DYNAMIC_NATIVE,
    GRAALWASM,
    CHICORY_INTERPRETER,
    CHICORY_COMPILER;

    public WasmRuntime load(byte[] wasm, String name) {
        return switch (this) {
            case GRAALWASM -> new GraalWasmRuntime(wasm, name);
            case CHICORY_INTERPRETER -> new ChicoryRuntime(wasm, false);
            case CHICORY_COMPILER -> new ChicoryRuntime(wasm, true);
            default -> new LinmemRuntime(MemoryKind.valueOf(name().substring("LINMEM_".length())).allocator(), wasm, name);
        };
    }
}
