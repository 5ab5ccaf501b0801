/**
 * linmem's WebAssembly engine: the Truffle language {@code linmem-wasm} over linmem memories, the
 * Java embedding API ({@link dev.linmem.wasm.WasmEngine}, {@link dev.linmem.wasm.Imports}) and host
 * functions ({@link dev.linmem.wasm.host.HostFunction}), and WASI preview 1
 * ({@link dev.linmem.wasi.WasiModule}). The language is registered as a service,
 * as Truffle languages are since 23.1, so a polyglot context finds it on the module path.
 */
module dev.linmem.wasm {
    requires transitive dev.linmem.memory;
    requires transitive org.graalvm.polyglot;
    requires transitive org.graalvm.truffle;
    // WASI's thread CPU-time clock (dev.linmem.wasi.Clocks)
    requires java.management;

    exports dev.linmem.wasm;
    exports dev.linmem.wasm.host;
    exports dev.linmem.wasm.module;
    exports dev.linmem.wasm.binary;
    exports dev.linmem.wasm.runtime;
    exports dev.linmem.wasi;

    provides com.oracle.truffle.api.provider.TruffleLanguageProvider with dev.linmem.wasm.language.WasmLanguageProvider;
}
