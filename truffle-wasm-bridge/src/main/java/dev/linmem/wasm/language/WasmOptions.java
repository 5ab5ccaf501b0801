package dev.linmem.wasm.language;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.graalvm.options.OptionType;

import com.oracle.truffle.api.Option;

import dev.linmem.wasm.nodes.CallDepth;

/**
 * The polyglot options of {@value WasmLanguage#ID}, set like any other
 * ({@code Context.newBuilder().option("linmem-wasm.MaxCallDepth", "2000")}, the options map of
 * {@code WasmEngine.create}, or {@code bin/linmem run --engine-option}).
 */
@Option.Group(WasmLanguage.ID)
public final class WasmOptions {
    private WasmOptions() {
    }

    /**
     * The default call depth limit, of the order of what V8 and wasmtime allow, so that real
     * recursive programs do not meet it on a thread with the stack for it. A thread whose stack
     * holds less gets less (see {@link CallDepth}): 412 on a 1 MiB stack, Java's default for new
     * threads and the main thread; the spec suite recurses 200 deep.
     */
    public static final int DEFAULT_MAX_CALL_DEPTH = 10_000;
    /** Keeps the count far from int overflow: a frame takes at most a few hundred units. */
    public static final int LARGEST_MAX_CALL_DEPTH = 1 << 30;

    @Option(help = "The most wasm calls one thread may nest; deeper calls fail with 'call stack exhausted'. A frame of more than "
                    + CallDepth.SLOTS_PER_UNIT + " locals and operand slots counts once per " + CallDepth.SLOTS_PER_UNIT
                    + " slots. A thread whose Java stack holds fewer (2.25 KiB of stack per call) gets fewer.", usageSyntax = "[1, 1073741824]", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Integer> MaxCallDepth = new OptionKey<>(DEFAULT_MAX_CALL_DEPTH, new OptionType<>("MaxCallDepth", WasmOptions::parseMaxCallDepth));

    private static Integer parseMaxCallDepth(String text) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("linmem-wasm.MaxCallDepth must be a whole number, got '" + text + "'");
        }
        if (value < 1 || value > LARGEST_MAX_CALL_DEPTH) {
            throw new IllegalArgumentException("linmem-wasm.MaxCallDepth must be between 1 and " + LARGEST_MAX_CALL_DEPTH + ", got " + value);
        }
        return value;
    }
}
