package dev.linmem.bench;

import com.oracle.truffle.api.Truffle;
import org.graalvm.polyglot.Context;

/**
 * Every benchmark's setup calls {@link #require()}: numbers taken on the interpreter-only fallback
 * runtime (a missing JVM flag, a compiler jar newer than the JDK) would be meaningless, so the
 * fork fails instead of measuring.
 */
public final class OptimizingRuntime {
    private OptimizingRuntime() {
    }

    public static void require() {
        String name = Truffle.getRuntime().getName();
        if (name.equals("Interpreted") || !name.contains("GraalVM")) {
            throw new IllegalStateException("benchmarks must run on the optimizing Truffle runtime, got '" + name +
                            "': start the fork with the parent pom's graal.jvm.flags (bin/linmem bench does)");
        }
    }

    /**
     * An entered context for benchmarks that call their own Truffle roots: the roots compile in
     * this context's engine with its default options (background, multi-tier), as an embedding would.
     */
    public static Context enterContext() {
        require();
        Context context = Context.newBuilder().allowExperimentalOptions(true).build();
        context.enter();
        return context;
    }

    public static void leave(Context context) {
        if (context != null) {
            context.leave();
            context.close();
        }
    }
}
