package dev.linmem.memory;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.Truffle;

/**
 * An assumption that a memory keeps renewing after each invalidation, up to a fixed number of
 * times. Past that it hands out an invalid assumption, so the nodes that depend on it move to
 * their generic specialization instead of recompiling forever (a memory that grows in a hot
 * loop would otherwise cause a deoptimization storm).
 */
final class StableAssumption {
    /**
     * How many times a memory's assumption may be invalidated before nodes stop caching on it.
     * Each invalidation costs a recompilation, and Truffle 25 fails the compilation of a call
     * target that keeps deoptimizing at the same node (its deoptimization cycle detection; the
     * safety matrix's warm-up mode hit it after eight renewals, with two tiers recompiling after
     * each grow), leaving the code interpreted for good. Four stays clear of it.
     */
    static final int RENEWAL_LIMIT = 4;

    private final String name;
    private volatile Assumption current;
    private int invalidations;

    StableAssumption(String name) {
        this.name = name;
        this.current = Truffle.getRuntime().createAssumption(name);
    }

    Assumption get() {
        return current;
    }

    /** Invalidates the current assumption, renewing it while under the limit. @return 1 if a valid assumption was invalidated */
    int invalidate(boolean renew) {
        Assumption old = current;
        if (!old.isValid()) {
            return 0;
        }
        invalidations++;
        current = renew && invalidations < RENEWAL_LIMIT ? Truffle.getRuntime().createAssumption(name) : Assumption.NEVER_VALID;
        old.invalidate();
        return 1;
    }
}
