package dev.linmem.wasm.nodes;

import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleStackTrace;

import dev.linmem.wasm.runtime.CallStackExhausted;

/**
 * Initializes, on a shallow stack and before any guest code runs, the classes that a call stack
 * exhaustion would otherwise initialize at the bottom of a deep recursion.
 *
 * <p>Why: a class whose static initializer fails is unusable for the life of the JVM. The Truffle
 * runtime initializes {@code OptimizedCallTarget$ReturnProfile} the first time a call target
 * returns or passes an exception on, and its stack trace bookkeeping the first time an exception
 * crosses a call boundary. In a fresh JVM whose first guest call recursed until the Java stack
 * overflowed, that first time was at the overflow, the initializer overflowed too, and from then
 * on every call and every compilation failed with {@code NoClassDefFoundError}. The call depth
 * limit keeps recursion clear of the stack's end, but a thread with a stack too small for the
 * limit still overflows; after this warm-up that overflow is an ordinary, recoverable one.
 *
 * <p>The classes are named, not reached by running call targets, because a call target run here
 * would be compiled at once under {@code engine.CompileImmediately} and show up in every
 * compilation trace. {@code ExhaustionWarmUpTest} checks that every name still exists in the
 * Truffle version on the class path.
 */
public final class ExhaustionWarmUp {
    /** Classes of the Truffle runtime that the return and exception paths of a call initialize lazily. */
    static final List<String> TRUFFLE_RUNTIME_CLASSES = List.of("com.oracle.truffle.runtime.OptimizedCallTarget$ReturnProfile");
    /** The same for the Truffle API. */
    static final List<String> TRUFFLE_API_CLASSES = List.of("com.oracle.truffle.api.TruffleStackTrace$TracebackElement",
                    "com.oracle.truffle.api.TruffleStackTrace$LazyStackTrace");

    private static volatile boolean done;

    private ExhaustionWarmUp() {
    }

    /** Initializes the classes (once per JVM) and builds both kinds of {@link CallStackExhausted} once. */
    @TruffleBoundary
    public static void runOnce() {
        if (done) {
            return;
        }
        initialize(TRUFFLE_RUNTIME_CLASSES, Truffle.getRuntime().getClass().getClassLoader());
        initialize(TRUFFLE_API_CLASSES, TruffleStackTrace.class.getClassLoader());
        CallStackExhausted.limitReached("warm-up", 2, 1, null);
        CallStackExhausted.javaStackOverflow(1, 1, new StackOverflowError(), null);
        done = true;
    }

    /** Returns the names in {@code names} that the class loader does not find (none, unless Truffle changed). */
    static List<String> initialize(List<String> names, ClassLoader loader) {
        return names.stream().filter(name -> {
            try {
                Class.forName(name, true, loader);
                return false;
            } catch (ClassNotFoundException e) {
                // Another Truffle version: nothing to warm up under this name (the test reports it).
                return true;
            }
        }).toList();
    }
}
