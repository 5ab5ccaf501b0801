package dev.linmem.memory;

/**
 * A snapshot of one memory's counters, for hosts and JIT studies.
 *
 * @param grows successful grows that changed the size
 * @param failedGrows grows that returned -1
 * @param moves grows that moved a dynamic memory to new storage
 * @param bytesCopiedByMoves bytes copied by those moves
 * @param invalidations assumptions invalidated by grows, moves and close (each one deoptimizes
 *            compiled code that relied on it)
 */
public record MemoryStatistics(long grows, long failedGrows, long moves, long bytesCopiedByMoves, long invalidations) {
    @Override
    public String toString() {
        return "grows=" + grows + " failedGrows=" + failedGrows + " moves=" + moves + " bytesCopiedByMoves=" +
                        bytesCopiedByMoves + " invalidations=" + invalidations;
    }
}
