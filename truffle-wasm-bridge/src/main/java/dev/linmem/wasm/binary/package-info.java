/**
 * Decoding and validation of WebAssembly binaries.
 *
 * <pre>
 *   byte[] --ModuleDecoder--> sections (ModuleBuilder)      format checks: MALFORMED
 *                         |-> ModuleValidator                limits, indices, exports: INVALID
 *                         |-> FunctionValidator per body     type checking + side table: INVALID
 *                         '-> WasmModule (dev.linmem.wasm.module)
 * </pre>
 *
 * <p>{@link dev.linmem.wasm.binary.ModuleDecoder#decode(byte[])} is the entry point. It accepts
 * WebAssembly 2.0 without SIMD, plus multi-memory, memory64 (with table64), extended constant
 * expressions and the threads proposal (shared memories, {@code 0xFE} atomics). The other features
 * of Wasm 3.0 (SIMD, exception handling, tail calls, typed function references, table initializer
 * expressions, GC) are refused as {@link dev.linmem.wasm.UnsupportedFeatureException} (kind
 * UNSUPPORTED), naming the feature, the construct and the byte offset; {@code Unsupported} knows
 * their encodings. They are not malformed: where the reference interpreter would find a module
 * malformed or invalid before it reaches such a construct, so does the decoder ({@code BodyScanner}
 * reads the format of their instructions, except GC's and SIMD's).
 *
 * <p>Errors: every failure is a {@link dev.linmem.wasm.WasmException} whose message starts with the
 * text of the spec's reference interpreter, so spec tests compare by prefix. To get the same text in
 * the same situations, sizes and lengths are read the way the reference interpreter reads them: a
 * length may not exceed the bytes from its own first byte to the end of the module ("length out of
 * bounds"), and a section or function body is read on past its declared end when its contents
 * claim more ("unexpected end of section or function", "END opcode expected"), then compared with
 * the declared size ("section size mismatch"). And since the reference decodes the whole module
 * before it validates, a module both malformed and invalid is reported as malformed: validation
 * errors met while decoding sections (constant expressions, segment indices) are deferred until
 * every section is decoded, and when a function body fails validation the rest of the code is
 * scanned for format errors ({@code BodyScanner}) before the validation error is thrown.
 *
 * <p>Robustness: no allocation is larger than the input allows. A vector count is checked against
 * the bytes left before anything is allocated for it; the locals of one function are summed before
 * their array exists (at most {@value dev.linmem.wasm.binary.ModuleDecoder#MAX_LOCALS}, the JS API's
 * limit); the validator's stacks grow with the body, never with a count. Nothing recurses, so deep
 * nesting cannot overflow the Java stack.
 *
 * <p>For the interpreter: {@link dev.linmem.wasm.binary.CodeReader}'s static {@code *At} methods and
 * {@link dev.linmem.wasm.binary.MemArg#readAt} decode immediates of validated code in place; nothing
 * is precomputed per instruction except the control-flow side table (see
 * {@link dev.linmem.wasm.module.WasmFunction}).
 */
package dev.linmem.wasm.binary;
