package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * Guest calls nested too deep: the call depth limit was reached, or (on a thread whose Java stack
 * is too small for the limit) the Java stack overflowed. The embedding API reports it as a
 * {@code WasmException} of kind EXHAUSTION; the message starts with the spec's text
 * {@value #SPEC_TEXT}.
 *
 * <p>It is thrown with thousands of guest frames below it, so it must be cheap to unwind: like
 * every Truffle exception it has no Java stack trace, and it keeps only the innermost
 * {@value #GUEST_FRAMES_KEPT} guest frames (enough to show which functions recurse) instead of
 * recording one at every call boundary it crosses.
 */
public final class CallStackExhausted extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    /** The reference interpreter's text for {@code assert_exhaustion}. */
    public static final String SPEC_TEXT = "call stack exhausted";
    static final int GUEST_FRAMES_KEPT = 16;

    private CallStackExhausted(String message, Throwable cause, Node location) {
        super(message, cause, GUEST_FRAMES_KEPT, location);
    }

    /**
     * The call of {@code function}, which takes {@code units} units of the limit (more than one for
     * a large frame), would take the call depth past {@code limit}.
     */
    @TruffleBoundary
    public static CallStackExhausted limitReached(String function, int units, int limit, Node location) {
        // StringBuilder rather than "+": string concatenation links an invokedynamic call site the
        // first time it runs, and a link that fails for lack of stack fails at that site forever.
        StringBuilder message = new StringBuilder(SPEC_TEXT).append(": calling ").append(function);
        if (units > 1) {
            message.append(" (its large frame counts as ").append(units).append(" calls)");
        }
        message.append(" would exceed the limit of ").append(limit).append(" nested calls (option linmem-wasm.MaxCallDepth)");
        return new CallStackExhausted(message.toString(), null, location);
    }

    /**
     * The Java stack overflowed {@code unitsInUse} units deep, before the limit: the thread's stack
     * is too small for it.
     */
    @TruffleBoundary
    public static CallStackExhausted javaStackOverflow(int unitsInUse, int limit, StackOverflowError cause, Node location) {
        StringBuilder message = new StringBuilder(SPEC_TEXT).append(": the Java stack of thread \"").append(Thread.currentThread().getName())
                        .append("\" overflowed at call depth ").append(unitsInUse).append(", below the limit of ").append(limit)
                        .append(" (option linmem-wasm.MaxCallDepth): give the thread a larger stack or lower the limit");
        return new CallStackExhausted(message.toString(), cause, location);
    }
}
