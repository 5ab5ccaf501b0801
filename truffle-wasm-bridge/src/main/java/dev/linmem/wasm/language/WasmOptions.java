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
     * The default call depth limit. Measured on HotSpot with Truffle 25 (see the README): a wasm
     * call takes about 1.4 KiB of Java stack while the Truffle runtime's own call path still runs
     * in HotSpot's bytecode interpreter (the first deep recursion of a JVM), 0.4 KiB once HotSpot
     * compiled it, and well under 0.1 KiB when the guest code is compiled. 1,000 calls therefore fit
     * in a 1 MiB thread stack (Java's default, also the main thread's) with a third of it to spare,
     * in every mode; the spec suite recurses 200 deep.
     */
    public static final int DEFAULT_MAX_CALL_DEPTH = 500;
    /** Keeps the count far from int overflow: a frame takes at most a few hundred units. */
    public static final int LARGEST_MAX_CALL_DEPTH = 1 << 30;

    @Option(help = "The most wasm calls one thread may nest (each unit needs about 1.4 KiB of Java stack; a frame of more than "
                    + CallDepth.SLOTS_PER_UNIT + " locals and operand slots counts once per " + CallDepth.SLOTS_PER_UNIT
                    + " slots). Deeper calls fail with 'call stack exhausted'.", usageSyntax = "[1, 1073741824]", category = OptionCategory.USER, stability = OptionStability.STABLE) //
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
