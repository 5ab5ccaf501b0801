/**
 * Host functions and the other things a host gives WebAssembly modules to import: functions
 * written in Java ({@link dev.linmem.wasm.host.HostFunction}, whose body sees its
 * {@link dev.linmem.wasm.host.Caller}'s memories), globals ({@link dev.linmem.wasm.host.WasmGlobal}),
 * tables ({@link dev.linmem.wasm.host.WasmTable}) and whole modules written in Java
 * ({@link dev.linmem.wasm.host.HostModule}, such as {@code spectest} or WASI). Memories are the
 * memory library's {@code LinearMemory}, made by the host (pooled or not) and imported as they are.
 *
 * <pre>{@code
 * try (WasmEngine engine = WasmEngine.create()) {
 *     HostFunction print = HostFunction.of(List.of(ValType.I32, ValType.I32), List.of(), (caller, args) -> {
 *         byte[] bytes = new byte[(Integer) args[1]];
 *         caller.memory().read(Integer.toUnsignedLong((Integer) args[0]), bytes, 0, bytes.length);
 *         System.out.print(new String(bytes, StandardCharsets.UTF_8));
 *         return null;
 *     });
 *     WasmInstance instance = engine.instantiate(engine.decode(wasmBytes, "app"),
 *             new Imports().function("env", "print", print));
 *     instance.invoke("main");
 * }
 * }</pre>
 *
 * <p>Each is given per instantiation through {@code dev.linmem.wasm.Imports}; a host function is
 * bound to each instance that imports it, so compiled code calls it directly (see
 * {@link dev.linmem.wasm.host.HostFunction} for values, failures and threads).
 *
 * <p>Layers: this package depends on the runtime ({@code runtime}, {@code nodes}), the module
 * model and the memory library; the linker ({@code link}), the language and the embedding API
 * depend on it, never the other way round.
 */
package dev.linmem.wasm.host;
