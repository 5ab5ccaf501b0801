package dev.linmem.wasm.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;

import dev.linmem.wasm.runtime.CallStackExhausted;
import dev.linmem.wasm.runtime.Failures;

/**
 * Runs the paths of a guest call once per JVM, on a shallow stack, before any guest code: a
 * thread's first entry ({@link CallDepth#ofCurrentThread}), a call through a direct and an
 * indirect call node into a frame, a return, and both kinds of {@link CallStackExhausted} passing
 * through call boundaries and becoming the embedding API's exception.
 *
 * <p>Why: a class whose static initializer fails is unusable for the life of the JVM, and the
 * Truffle runtime initializes many of its classes on first use: {@code FrameWithoutBoxing} when
 * the interpreter first makes a frame (or compiled code first materializes one on
 * deoptimization), {@code OptimizedCallTarget$ReturnProfile} the first time a call target returns
 * or passes an exception on, its stack trace bookkeeping the first time an exception crosses a
 * call boundary. In a fresh JVM whose first guest recursion overflowed the Java stack, that first
 * use was at the overflow, the initializer overflowed too, and from then on every call and every
 * compilation failed with {@code NoClassDefFoundError}. The call depth limit keeps recursion clear
 * of the stack's end, but a host whose own frames fill its stack still overflows inside guest
 * code; after this warm-up, such an overflow is an ordinary, recoverable one.
 *
 * <p>The warm-up's call targets never compile ({@link #prepareForCompilation} says no), so they
 * cost nothing under {@code engine.CompileImmediately} and never show in a compilation trace.
 */
public final class ExhaustionWarmUp {
    private static final int RETURN = 0;
    private static final int LIMIT_REACHED = 1;
    private static final int JAVA_STACK_OVERFLOW = 2;

    private static volatile boolean done;

    private ExhaustionWarmUp() {
    }

    /** Runs the warm-up in {@code language}'s context, once per JVM. */
    @TruffleBoundary
    public static void runOnce(TruffleLanguage<?> language) {
        if (done) {
            return;
        }
        // What a thread's first entry does (the stack size through the C library, the message).
        CallDepth.ofCurrentThread(1 << 30);
        Callee callee = new Callee(language);
        Caller caller = new Caller(language, callee);
        for (int viaIndirectCall = 0; viaIndirectCall <= 1; viaIndirectCall++) {
            caller.getCallTarget().call(RETURN, viaIndirectCall);
            for (int mode : new int[]{LIMIT_REACHED, JAVA_STACK_OVERFLOW}) {
                try {
                    caller.getCallTarget().call(mode, viaIndirectCall);
                    throw new IllegalStateException("the exhaustion warm-up did not throw");
                } catch (CallStackExhausted expected) {
                    // What the embedding API makes of it, as it will at the end of a deep stack.
                    Failures.fromTrap(expected);
                }
            }
        }
        Failures.callStackExhausted(new StackOverflowError());
        done = true;
    }

    /** Never compiled: a call target compiled here would cost seconds under engine.CompileImmediately. */
    private abstract static class WarmUpRoot extends RootNode {
        WarmUpRoot(TruffleLanguage<?> language) {
            super(language);
        }

        @Override
        protected boolean prepareForCompilation(boolean rootCompilation, int compilationTier, boolean lastTier) {
            return false;
        }

        @Override
        public String getName() {
            return "linmem-wasm exhaustion warm-up";
        }
    }

    /** Calls the callee with its own arguments, through a direct call node or (second argument 1) an indirect one. */
    private static final class Caller extends WarmUpRoot {
        @Child private DirectCallNode direct;
        @Child private IndirectCallNode indirect = IndirectCallNode.create();
        private final Callee callee;

        Caller(TruffleLanguage<?> language, Callee callee) {
            super(language);
            this.callee = callee;
            this.direct = DirectCallNode.create(callee.getCallTarget());
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object[] arguments = frame.getArguments();
            if ((Integer) arguments[1] == 0) {
                return direct.call(arguments);
            }
            return indirect.call(callee.getCallTarget(), arguments);
        }
    }

    /** Returns, or throws the exhaustion its first argument names, with the messages the real ones have. */
    private static final class Callee extends WarmUpRoot {
        Callee(TruffleLanguage<?> language) {
            super(language);
        }

        @Override
        public Object execute(VirtualFrame frame) {
            CallDepth depth = CallDepth.withoutStackSize(1);
            switch ((Integer) frame.getArguments()[0]) {
                case LIMIT_REACHED -> throw CallStackExhausted.limitReached("warm-up", 2, depth.limitDescription(), this);
                case JAVA_STACK_OVERFLOW -> throw CallStackExhausted.javaStackOverflow(1, depth.limitDescription(), new StackOverflowError(), this);
                default -> {
                    return 0L;
                }
            }
        }
    }
}
