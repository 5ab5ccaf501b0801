package dev.linmem.memory.nodes;

import static com.oracle.truffle.api.CompilerDirectives.SLOWPATH_PROBABILITY;
import static com.oracle.truffle.api.CompilerDirectives.injectBranchProbability;

import com.oracle.truffle.api.nodes.Node;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;

/**
 * What the atomic nodes share: the static offset, the width, and the checks in the order the
 * threads proposal gives them: an unaligned effective address traps ({@code unaligned atomic})
 * before the bounds check decides anything else. Atomics read the memory's base and size at each
 * access: a shared memory is static and never moves, and an atomic is a fence anyway.
 */
abstract class AtomicAccessNode extends Node {
    protected final long offset;
    protected final int width;

    AtomicAccessNode(int width, long offset) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("atomic width must be 1, 2, 4 or 8 bytes, got " + width);
        }
        this.width = width;
        this.offset = offset;
    }

    /** The effective address (address + offset, wrapped to 64 bits), after both checks. */
    protected final long checkedEffectiveAddress(LinearMemory memory, long address) {
        long effective = address + offset; // the low bits of a wrapped sum are the true sum's
        if (injectBranchProbability(SLOWPATH_PROBABILITY, (effective & (width - 1)) != 0)) {
            throw MemoryTrap.unalignedAtomic(effective, width, this);
        }
        if (injectBranchProbability(SLOWPATH_PROBABILITY, !Bounds.inBounds(address, offset, width, memory.byteSize()))) {
            throw MemoryTrap.outOfBounds(memory, address, offset, width, this);
        }
        return effective;
    }

    /** As {@link #checkedEffectiveAddress}, as a raw storage offset. */
    protected final long checkedRawOffset(LinearMemory memory, long address) {
        return memory.storageOffset() + checkedEffectiveAddress(memory, address);
    }
}
