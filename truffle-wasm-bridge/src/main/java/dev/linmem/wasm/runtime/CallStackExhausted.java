package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * Guest calls nested too deep: the call depth limit was reached, or the Java stack overflowed
 * before it (the host's own frames filled the stack). The embedding API reports it as a
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
     * a large frame), would go past the limit, which {@code limit} describes ("the limit of 10000
     * nested calls (option linmem-wasm.MaxCallDepth)").
     */
    @TruffleBoundary
    public static CallStackExhausted limitReached(String function, int units, String limit, Node location) {
        // StringBuilder rather than "+": string concatenation links an invokedynamic call site the
        // first time it runs, and a link that fails for lack of stack fails at that site forever.
        StringBuilder message = new StringBuilder(SPEC_TEXT).append(": calling ").append(function);
        if (units > 1) {
            message.append(" (its large frame counts as ").append(units).append(" calls)");
        }
        message.append(" would exceed ").append(limit);
        return new CallStackExhausted(message.toString(), null, location);
    }

    /**
     * The Java stack overflowed {@code unitsInUse} units deep, before the limit that {@code limit}
     * describes: the host's own frames below the wasm calls took more of the stack than the limit
     * leaves them, or a host function between wasm calls did.
     */
    @TruffleBoundary
    public static CallStackExhausted javaStackOverflow(int unitsInUse, String limit, StackOverflowError cause, Node location) {
        StringBuilder message = new StringBuilder(SPEC_TEXT).append(": the Java stack of thread \"").append(Thread.currentThread().getName())
                        .append("\" overflowed at call depth ").append(unitsInUse).append(", below ").append(limit);
        return new CallStackExhausted(message.toString(), cause, location);
    }
}
