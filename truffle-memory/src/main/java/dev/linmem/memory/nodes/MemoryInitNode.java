package dev.linmem.memory.nodes;

import static com.oracle.truffle.api.CompilerDirectives.SLOWPATH_PROBABILITY;
import static com.oracle.truffle.api.CompilerDirectives.injectBranchProbability;
import static dev.linmem.memory.UnsafeAccess.BYTE_ARRAY_BASE;
import static dev.linmem.memory.UnsafeAccess.UNSAFE;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;

/**
 * {@code memory.init}: copies {@code length} bytes of a data segment, from {@code srcOffset}, to
 * {@code dst}. A dropped segment is passed as an empty array. Both ranges are checked first: a
 * trap writes nothing.
 */
public abstract class MemoryInitNode extends Node {
    public static MemoryInitNode create() {
        return MemoryInitNodeGen.create();
    }

    public abstract void execute(LinearMemory memory, byte[] segment, long dst, long srcOffset, long length);

    @Specialization
    protected void init(LinearMemory memory, byte[] segment, long dst, long srcOffset, long length,
                    @Cached MemoryRangeCheckNode dstCheck) {
        if (injectBranchProbability(SLOWPATH_PROBABILITY, !Bounds.inBounds(srcOffset, 0, length, segment.length) ||
                        !dstCheck.execute(memory, dst, length))) {
            throw MemoryTrap.outOfBounds(memory, dst, 0, length, this);
        }
        UNSAFE.copyMemory(segment, BYTE_ARRAY_BASE + srcOffset, memory.storageBase(), memory.storageOffset() + dst, length);
    }
}
