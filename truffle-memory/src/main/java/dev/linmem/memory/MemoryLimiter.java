package dev.linmem.memory;

/**
 * The embedder's say over growth (wasmtime's {@code ResourceLimiter}). Asked before every grow
 * that would change the size, told of every grow that failed. A veto makes {@code memory.grow}
 * return -1 to wasm; it is never an exception and never leaves a memory half grown.
 */
public interface MemoryLimiter {
    /** Allows everything up to each memory's own maximum. */
    MemoryLimiter UNLIMITED = (memory, currentBytes, desiredBytes, maximumBytes) -> true;

    /**
     * @param currentBytes the memory's size now
     * @param desiredBytes the size the grow asks for
     * @param maximumBytes the memory's runtime maximum in bytes ({@link LinearMemory#maximumPages()} times the page size)
     * @return whether the grow may proceed
     */
    boolean memoryGrowing(LinearMemory memory, long currentBytes, long desiredBytes, long maximumBytes);

    /** Told after a grow failed, whatever the reason; by default ignores it. */
    default void memoryGrowFailed(LinearMemory memory, long desiredPages, GrowFailure reason) {
    }

    /** Why a grow returned -1. */
    enum GrowFailure {
        /** The new size would pass the memory's maximum (or overflow). */
        PAST_MAXIMUM,
        /** The limiter said no (or threw). */
        VETOED,
        /** The storage could not be had: no memory, no address space, or a refused mapping. */
        OUT_OF_STORAGE,
        /** The memory was closed. */
        CLOSED
    }
}
