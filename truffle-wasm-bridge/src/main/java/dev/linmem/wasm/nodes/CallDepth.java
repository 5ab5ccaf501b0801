package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.ContextThreadLocal;

/**
 * How deep the wasm calls of one thread in one polyglot context are nested, in units of the call
 * depth limit: every {@link WasmRootNode} takes {@link #unitsOf its units} on entry and gives them
 * back on exit, and a call that would go past the limit fails with {@code CallStackExhausted}
 * instead of running.
 *
 * <p>Why count at all: the JVM's own limit, a {@link StackOverflowError}, comes at a depth that
 * depends on which frames happen to be interpreted or compiled, and it may strike inside the
 * Truffle runtime (a class initializer that fails there is unusable for the life of the JVM).
 * Unwinding from it is also slow where it matters most: compiled frames deoptimize on the way
 * out, each needs more stack as an interpreter frame than it had, and every one of them near the
 * stack's end overflows again (a compiled recursion 22,000 calls deep took 37 s to unwind). A
 * counted limit is deterministic and leaves the rest of the stack to the runtime. wasmtime's
 * {@code max_wasm_stack} is the same idea in bytes.
 *
 * <p>The limit is the smaller of {@code linmem-wasm.MaxCallDepth} and what the thread's stack
 * holds: two thirds of the stack beyond HotSpot's guard zones, at {@value #STACK_BYTES_PER_UNIT}
 * bytes per unit (a call interpreted by HotSpot's bytecode interpreter, the costliest case, takes
 * 1.4 KiB; compiled wasm code takes less than 0.1 KiB). The other third is for the host's frames
 * below the first wasm call and for the runtime. A 1 MiB stack (Java's default, and the main
 * thread's) holds 412 units, a 64 MiB one 29,000. Where the stack size cannot be found (not Linux)
 * the option alone applies.
 *
 * <p>Why large frames count more: interpreted, a call costs about the same Java stack whatever its
 * frame (the frame's slots live on the heap), but compiled code may keep every live slot on the
 * Java stack, 8 bytes each. One unit per {@value #SLOTS_PER_UNIT} slots keeps a recursion of huge
 * frames inside the same stack budget as one of small ones (a compiled frame of 250 live i64
 * locals measured 1.4 KiB per unit), and bounds the heap that interpreted frames hold at once.
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
    /** Java stack one unit may take, at most: a call in HotSpot's interpreter takes 1.4 KiB. */
    public static final int STACK_BYTES_PER_UNIT = 1536;
    /** HotSpot's guard zones at the end of every Java thread stack (yellow, red, reserved, shadow: 24 pages of 4 KiB on Linux x86-64). */
    static final long GUARD_BYTES = 96 * 1024;

    /** The most units that calls on this thread may hold at once. */
    final int limit;
    /** Units held by the wasm calls running on this thread now. */
    int units;
    /** What the limit is and where it comes from, for the exhaustion message. */
    final String limitDescription;

    private CallDepth(int limit, String limitDescription) {
        this.limit = limit;
        this.limitDescription = limitDescription;
    }

    /**
     * The call depth of the current thread: {@code maxCallDepth} (the option's value, at least 1),
     * or less if the thread's stack holds less.
     */
    public static CallDepth ofCurrentThread(int maxCallDepth) {
        return of(maxCallDepth, ThreadStackSize.ofCurrentThread(), Thread.currentThread().getName());
    }

    /** The call depth for a thread whose stack size is unknown: the option alone. */
    public static CallDepth withoutStackSize(int maxCallDepth) {
        return of(maxCallDepth, ThreadStackSize.UNKNOWN, null);
    }

    static CallDepth of(int maxCallDepth, long stackBytes, String threadName) {
        if (maxCallDepth < 1) {
            throw new IllegalArgumentException("the call depth limit must be at least 1, got " + maxCallDepth);
        }
        int stackUnits = stackBytes == ThreadStackSize.UNKNOWN ? Integer.MAX_VALUE : unitsThatFit(stackBytes);
        // StringBuilder rather than "+" (an invokedynamic call site): this may run when a thread
        // first enters the context deep in its stack, and a call site whose linking overflowed the
        // stack fails for good.
        StringBuilder description = new StringBuilder("the limit of ");
        if (stackUnits >= maxCallDepth) {
            description.append(maxCallDepth).append(" nested calls (option linmem-wasm.MaxCallDepth)");
            return new CallDepth(maxCallDepth, description.toString());
        }
        long neededMib = (GUARD_BYTES + (long) maxCallDepth * STACK_BYTES_PER_UNIT * 3 / 2 + (1 << 20) - 1) >> 20;
        description.append(stackUnits).append(" nested calls that the ").append(stackBytes / 1024).append(" KiB stack of thread \"").append(threadName)
                        .append("\" holds (a stack of ").append(neededMib).append(" MiB holds linmem-wasm.MaxCallDepth, ").append(maxCallDepth).append(')');
        return new CallDepth(stackUnits, description.toString());
    }

    /** Units that a Java stack of {@code stackBytes} holds: two thirds of it beyond the guard zones, at least 1. */
    public static int unitsThatFit(long stackBytes) {
        long usable = (stackBytes - GUARD_BYTES) / 3 * 2;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, usable / STACK_BYTES_PER_UNIT));
    }

    /** Units a call of a function with {@code frameSlots} locals and operand-stack positions takes: one, plus one per {@value #SLOTS_PER_UNIT} slots. */
    public static int unitsOf(int frameSlots) {
        return 1 + frameSlots / SLOTS_PER_UNIT;
    }

    /** Units held by the calls running on this thread now (0 outside guest code). */
    public int units() {
        return units;
    }

    /** The limit in effect for this thread. */
    public int limit() {
        return limit;
    }

    /** For example "the limit of 10000 nested calls (option linmem-wasm.MaxCallDepth)". */
    public String limitDescription() {
        return limitDescription;
    }
}
