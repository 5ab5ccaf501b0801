package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.ContextThreadLocal;

/**
 * How deep the wasm calls of one thread in one polyglot context are nested, in units of the
 * {@code linmem-wasm.MaxCallDepth} limit: every {@link WasmRootNode} takes {@link #unitsOf its
 * units} on entry and gives them back on exit, and a call that would go past the limit fails with
 * {@code CallStackExhausted} instead of running.
 *
 * <p>Why count at all: the JVM's own limit, a {@link StackOverflowError}, comes at a depth that
 * depends on the thread's stack size and on which frames happen to be interpreted or compiled, and
 * it may strike inside the Truffle runtime (a class initializer that fails there is unusable for
 * the life of the JVM). A counted limit is deterministic and leaves the rest of the stack for the
 * runtime. wasmtime's {@code max_wasm_stack} is the same idea in bytes.
 *
 * <p>Why large frames count more: interpreted, a call costs about the same Java stack whatever its
 * frame (the frame's slots live on the heap), but compiled code may keep every live slot on the
 * Java stack, 8 bytes each. One unit per {@value #SLOTS_PER_UNIT} slots keeps a recursion of huge
 * frames inside the same stack budget as one of small ones, and bounds the heap that interpreted
 * frames hold at once.
 *
 * <p>The fields are read and written only by {@link WasmRootNode#execute}, inline: a method call
 * there could itself overflow the Java stack and leave the count wrong.
 */
public final class CallDepth {
    /** The language whose contexts keep one {@link CallDepth} per thread: linmem-wasm's. */
    public interface PerThread {
        ContextThreadLocal<CallDepth> callDepth();
    }

    /** Frame slots (locals and operand-stack positions) that one unit of the limit covers. */
    public static final int SLOTS_PER_UNIT = 128;

    /** The most units that calls on this thread may hold at once. */
    final int limit;
    /** Units held by the wasm calls running on this thread now. */
    int units;

    /** @param limit the value of {@code linmem-wasm.MaxCallDepth}, at least 1 */
    public CallDepth(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the call depth limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Units a call of a function with {@code frameSlots} locals and operand-stack positions takes: one, plus one per {@value #SLOTS_PER_UNIT} slots. */
    public static int unitsOf(int frameSlots) {
        return 1 + frameSlots / SLOTS_PER_UNIT;
    }

    /** Units held by the calls running on this thread now (0 outside guest code). */
    public int units() {
        return units;
    }

    public int limit() {
        return limit;
    }
}
