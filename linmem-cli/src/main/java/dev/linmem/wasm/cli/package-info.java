/**
 * linmem's command line and its spec-test runner.
 *
 * <pre>
 *   bin/linmem run FILE.wasm ...   -> {@link dev.linmem.wasm.cli.Main} -> RunCommand      -> WasmEngine
 *                                        (a WASI program: WasiChoice's --dir, --env -> dev.linmem.wasi.WasiModule)
 *   bin/linmem spectest PATH...    -> {@link dev.linmem.wasm.cli.Main} -> SpectestCommand -> SpecRunner
 *   mx-free-tests' spec suites     ----------------------------------------------------> SpecRunner
 * </pre>
 *
 * <p>{@link dev.linmem.wasm.cli.SpecScript} reads a wast2json file; {@link dev.linmem.wasm.cli.SpecRunner}
 * runs its commands in order against one engine. Both the command line and the JUnit suites use
 * them, so a command judged failed in one is failed in the other. Values are compared as bit
 * patterns ({@link dev.linmem.wasm.cli.SpecValue}), errors by kind, traps also by message prefix,
 * as the reference interpreter does. Text-format modules are skipped, never passed.
 *
 * <p>Memories: both subcommands take {@code --memory static|dynamic} and {@code --storage heap|native}
 * and wrap the chosen preset in a recording allocator, which lets {@code run --stats} report
 * memories a module does not export and frees native storage when done (closing an engine leaves
 * memories to their allocator).
 */
package dev.linmem.wasm.cli;
