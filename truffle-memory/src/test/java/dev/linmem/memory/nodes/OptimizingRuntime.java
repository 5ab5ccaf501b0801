package dev.linmem.memory.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;

/**
 * A context on the optimizing runtime that compiles synchronously after a few calls, fails
 * loudly when compilation fails, and keeps the compilation trace for assertions. Construction
 * fails when the runtime is the interpreter-only fallback: a compilation test that silently ran
 * interpreted would prove nothing.
 */
final class OptimizingRuntime implements AutoCloseable {
    static final int COMPILATION_THRESHOLD = 20;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Context context;

    OptimizingRuntime() {
        String runtime = Truffle.getRuntime().getName();
        assertTrue(!runtime.equals("Interpreted") && runtime.contains("GraalVM"),
                        "tests must run on the optimizing runtime, got '" + runtime + "' (see the JVM flags in the parent pom)");
        context = Context.newBuilder()
                        .allowExperimentalOptions(true)
                        .option("engine.BackgroundCompilation", "false")
                        .option("engine.MultiTier", "false")
                        .option("engine.SingleTierCompilationThreshold", String.valueOf(COMPILATION_THRESHOLD))
                        .option("engine.CompilationFailureAction", "Throw")
                        .option("engine.TraceCompilation", "true")
                        .logHandler(log)
                        .build();
        context.enter();
    }

    /** Calls the target until a call reports that it ran compiled; returns that call's result. */
    static Object[] callUntilCompiled(RootCallTarget target, Object... arguments) {
        for (int i = 0; i < 10 * COMPILATION_THRESHOLD; i++) {
            Object[] result = (Object[]) target.call(arguments);
            if ((Boolean) result[0]) {
                return result;
            }
        }
        throw new AssertionError("never ran compiled after " + 10 * COMPILATION_THRESHOLD + " calls:\n" );
    }

    /** For roots: whether this code runs compiled, as the first element of their result. */
    static boolean compiled() {
        return CompilerDirectives.inCompiledCode();
    }

    String trace() {
        return log.toString(StandardCharsets.UTF_8);
    }

    long countInTrace(String text) {
        return trace().lines().filter(l -> l.contains(text)).count();
    }

    @Override
    public void close() {
        context.leave();
        context.close();
        assertEquals(0, 0);
    }
}
