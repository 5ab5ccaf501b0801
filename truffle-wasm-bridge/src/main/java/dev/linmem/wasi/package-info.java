/**
 * WASI preview 1 ({@code wasi_snapshot_preview1}) over linmem memories: what a program compiled
 * for {@code wasm32-wasi} imports to print, read files, take arguments and exit.
 *
 * <pre>
 *   WasiConfig           what the program is given: args, environment, stdio, preopened directories
 *       |
 *   WasiPreview1         one per module instance: a method per WASI function, errno results
 *       |-- FdCalls, PathCalls, Polling, Clocks    the functions, grouped by what they act on
 *       |-- DescriptorTable -> Descriptor          StreamDescriptor | OpenFile | OpenDirectory
 *       |-- PathResolver                           keeps every guest path inside its directory
 *       '-- GuestMemory, Transfers                 checked copies through LinearMemory's host API
 *   Preview1Function     import names, signatures and calls, for an engine to bind
 * </pre>
 *
 * <p>Capabilities: a guest names files only relative to a directory descriptor it holds (a
 * preopen or one opened below it), and {@link dev.linmem.wasi.PathResolver} keeps every such
 * path inside that directory: absolute paths, {@code ..} above it and symbolic links that point
 * out of it are NOTCAPABLE. Descriptors belong to one {@link dev.linmem.wasi.WasiPreview1}, that
 * is one instance. Preview-1 rights are tracked and enforced per descriptor.
 *
 * <p>Guest memory is accessed only through {@code LinearMemory}'s bounds-checked host copies;
 * every range is checked before the call acts, so a bad pointer is FAULT with no effect.
 *
 * <p>This package depends on the memory library and the Truffle API only, never on the CLI.
 */
package dev.linmem.wasi;
