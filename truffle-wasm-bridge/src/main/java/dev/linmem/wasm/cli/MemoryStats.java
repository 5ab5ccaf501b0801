package dev.linmem.wasm.cli;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryStatistics;

/** The statistics line of {@code run --stats}: what the memory did while the program ran. */
final class MemoryStats {

    private MemoryStats() {
    }

    static String describe(LinearMemory memory) {
        MemoryStatistics s = memory.statistics();
        return "grows " + s.grows() + ", failedGrows " + s.failedGrows() + ", moves " + s.moves()
                + ", bytesCopiedByMoves " + s.bytesCopiedByMoves() + ", invalidations " + s.invalidations();
    }
}
