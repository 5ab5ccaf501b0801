/**
 * The interpreter: one {@link dev.linmem.wasm.nodes.WasmRootNode} per function per instance, whose
 * body {@link dev.linmem.wasm.nodes.WasmFunctionNode} is a bytecode-dispatch loop over the module's
 * own bytes.
 *
 * <pre>
 *   WasmRootNode            frame: [locals | operand stack] as static slots, sized at load time
 *     WasmFunctionNode      MERGE_EXPLODE loop over pc; branch targets from the validator's side table
 *       sites[]             one child per memory instruction and call: truffle-memory's nodes,
 *                           DirectCallSiteNode, IndirectCallSiteNode (found by pc through siteOfPc)
 * </pre>
 *
 * <p>Why this shape: per-instance roots make the instance's memories partial-evaluation constants
 * (a {@code @CompilationFinal(dimensions = 1)} array), so the memory nodes' identity caches fold;
 * keeping the operand stack in frame slots avoids the stack-to-tree pitfall (a value pushed before
 * a side effect and used after it stays where the stack code put it), and partial evaluation turns
 * the slots back into SSA values. With MERGE_EXPLODE, pc and the stack height are constants at each
 * instruction, so compiled code has no dispatch at all; backward branches poll for on-stack
 * replacement so a loop run once still compiles.
 *
 * <p>Every root counts its thread's call depth ({@link dev.linmem.wasm.nodes.CallDepth}) against
 * a limit that {@code linmem-wasm.MaxCallDepth} and the thread's stack size set, so that runaway
 * recursion ends as a cheap guest exception long before the Java stack does.
 *
 * <p>Values in slots: numbers as longs of raw bits (f32/f64 never pass through a Java float
 * unless an instruction computes with them, so NaN payloads survive moves), references as objects.
 */
package dev.linmem.wasm.nodes;
