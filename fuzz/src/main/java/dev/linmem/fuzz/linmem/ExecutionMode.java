package dev.linmem.fuzz.linmem;

import java.util.Map;

/**
 * How linmem runs a module: the polyglot options of its context and how many times every export is
 * called (the V8 reference run calls them as often). The compiling modes trace compilations, which
 * the worker counts and the campaign reports.
 */
public enum ExecutionMode {
    /** The Truffle interpreter only: compilation is off. */
    INTERPRETED(1, Map.of("engine.Compilation", "false")),
    /** Every call target compiled before its first call, in the calling thread. */
    COMPILED(1, Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false", "engine.TraceCompilation", "true")),
    /**
     * Exports called {@value #WARM_ROUNDS} times over with a low compilation threshold, so that
     * functions are compiled after some calls have run interpreted (and their profiles, such as
     * the memory nodes' specializations, were collected in bounds): code compiled warm sees
     * later calls it was not specialized for.
     */
    WARM(ExecutionMode.WARM_ROUNDS, Map.of("engine.BackgroundCompilation", "false", "engine.MultiTier", "false",
                    "engine.SingleTierCompilationThreshold", "8", "engine.TraceCompilation", "true"));

    /** Rounds of calls in {@link #WARM} mode. */
    public static final int WARM_ROUNDS = 12;

    private final int rounds;
    private final Map<String, String> options;

    ExecutionMode(int rounds, Map<String, String> options) {
        this.rounds = rounds;
        this.options = options;
    }

    /** How many times each export is called, in export order, round after round. */
    public int rounds() {
        return rounds;
    }

    /** The polyglot options of this mode's context. */
    public Map<String, String> options() {
        return options;
    }
}
