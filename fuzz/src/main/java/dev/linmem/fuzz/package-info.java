/**
 * Differential fuzzing of linmem against V8, and robustness fuzzing with malformed modules.
 *
 * <pre>
 *  seed ──► random bytes ──► wasm-opt -ttf ──► module ──► export every memory
 *                                                │
 *            ┌───────────────────────────────────┴──────────────────────────┐
 *            ▼                                                              ▼
 *   node v8-harness.js (V8)                       worker JVM: LinmemExecution (linmem)
 *            │         interpreted / compiled / warm × static|dynamic × heap|native
 *            ▼                                                              ▼
 *        transcript + memory images  ──── TranscriptComparison ────  transcript + memory images
 * </pre>
 *
 * <h2>Packages</h2>
 * <ul>
 * <li>{@code generate}: modules from seeds (binaryen's {@code wasm-opt -ttf} with the features of
 * {@code FeatureProfile}), the memory-export rewrite, the mutator for malformed modules and the
 * edits the reducer uses.</li>
 * <li>{@code transcript}: what an engine did, written alike by both engines, and the comparison
 * (with wasm's NaN rule).</li>
 * <li>{@code linmem}: running a module in linmem; {@code LinmemHost} is the only class that uses
 * the bridge's internals (for host functions, which the embedding API lacks so far).</li>
 * <li>{@code v8}: running a module in V8 through {@code src/main/js/v8-harness.js}.</li>
 * <li>{@code worker}: linmem runs in worker JVMs the driver restarts, so a JVM crash, a hang or a
 * memory blow-up is a recorded outcome.</li>
 * <li>{@code campaign}: the campaign loop, verdicts, statistics, failing-case folders, the
 * reducer.</li>
 * <li>{@code cli}: {@code bin/linmem fuzz}.</li>
 * </ul>
 *
 * <h2>The transcript protocol (both engines)</h2>
 * Instantiate the module with the {@code fuzzing-support} imports (see {@code FuzzingSupport}
 * for their meaning) and {@code __fuzz_import} externref globals (a non-null host value); then,
 * for each round, call every exported function in export order with zero arguments (0, +0.0,
 * null), writing {@code call NAME} and then {@code result NAME VALUE...},
 * {@code trap CATEGORY NAME}, {@code exception NAME} (a host exception) or
 * {@code exhausted NAME} (stack exhaustion); logged values in between are {@code log VALUE}.
 * Values are {@code i32:-1}, {@code i64:5}, floats by bit pattern ({@code f32:0x3f800000}) except
 * that every NaN is {@code f32:nan}/{@code f64:nan}, references only as null or not. Trap
 * categories are the spec's traps with V8's merges ({@code TrapCategory}). After the last call:
 * {@code global NAME VALUE}, {@code table NAME size=N MASK} and {@code memory NAME bytes=N} per
 * export, each memory's bytes in {@code memory-<export index>.bin}.
 *
 * <p>binaryen 132 has no flag that drops only the fuzzing-support imports
 * ({@code --fuzz-preserve-imports-exports} adds no exports either, which leaves nothing to call);
 * the imports that need features the fuzzer turns off ({@code throw}, {@code log-v128}, the
 * exception tags) are never asked for. So both engines provide all the others.
 *
 * <h2>What counts as a difference</h2>
 * Any difference in instantiation outcome, events or final state, and any memory byte that
 * differs outside a NaN both images hold ({@code NanRule}). A difference where either engine ran
 * out of stack is inconclusive, not a discrepancy: how deep a stack goes is each engine's own
 * (binaryen's hang limit keeps recursion shallow, so this is rare and is counted).
 *
 * <h2>Malformed modules</h2>
 * Mutations of valid modules ({@code Mutator}) run in linmem alone; a clean rejection, failed
 * linking, run, trap, or a guest stopped at its time budget are fine; any other Throwable, a JVM
 * crash, a hang (no answer even after cancelling) or a memory blow-up fails the campaign.
 */
package dev.linmem.fuzz;
