package dev.linmem.memory;

/** Test access to the package's invalidation bound. */
public final class MemoryStatisticsAccess {
    private MemoryStatisticsAccess() {
    }

    public static long renewalLimit() {
        return StableAssumption.RENEWAL_LIMIT;
    }
}
