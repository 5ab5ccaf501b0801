package dev.linmem.fuzz.campaign;

/** What one linmem execution of one module came to. */
public enum Verdict {
    // Valid modules, compared with V8.
    /** Same transcript and memories as V8. */
    AGREE(false),
    /** A difference from V8 that stack exhaustion explains: how deep a stack goes is each engine's own. */
    INCONCLUSIVE_STACK(false),
    /**
     * binaryen used a feature outside linmem's claims although it was not enabled (binaryen 132
     * emits {@code ref.as_non_null} of typed function references now and then), V8 ran the module
     * and linmem refused it, naming the feature: not a linmem defect, counted apart.
     */
    UNCLAIMED_FEATURE(false),
    /** A difference from V8. */
    DISCREPANCY(true),
    /** linmem did not finish within its time budget on a module V8 ran to the end. */
    TIMEOUT(true),

    // Malformed modules: the clean outcomes.
    REJECTED(false),
    UNLINKABLE(false),
    /** Instantiated (the calls may have trapped, which is clean). */
    RAN(false),
    /** Trapped in a segment initializer or the start function. */
    INSTANTIATION_TRAP(false),
    /** Ran past the time budget and stopped when cancelled: a mutated module may loop forever. */
    CANCELLED(false),

    // Failures of linmem, for either kind of module.
    /** linmem threw something no correct execution throws (not a WasmException or a trap). */
    FAILURE(true),
    /** The worker JVM died (SIGSEGV, abort). */
    JVM_CRASH(true),
    /** No answer at all: not even cancelling the guest stopped it. */
    HANG(true),
    /** The worker's resident memory went past the limit. */
    MEMORY_BLOW_UP(true),

    /** The V8 reference run itself failed: a problem of the fuzzer, not of linmem. */
    REFERENCE_ERROR(true);

    private final boolean failing;

    Verdict(boolean failing) {
        this.failing = failing;
    }

    /** True when this outcome fails a campaign. */
    public boolean failing() {
        return failing;
    }
}
