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
 * {@code memory.copy}: copies {@code length} bytes from {@code src} in one memory to {@code dst}
 * in another (or the same) with memmove semantics: overlapping ranges copy as if through a
 * temporary buffer ({@code Unsafe.copyMemory} is a conjoint copy). Both ranges are checked
 * before a byte moves: a trap writes nothing.
 */
public abstract class MemoryCopyNode extends Node {
    public static MemoryCopyNode create() {
        return MemoryCopyNodeGen.create();
    }

    public abstract void execute(LinearMemory dstMemory, LinearMemory srcMemory, long dst, long src, long length);

    @Specialization
    protected void copy(LinearMemory dstMemory, LinearMemory srcMemory, long dst, long src, long length,
                    @Cached MemoryRangeCheckNode dstCheck,
                    @Cached MemoryRangeCheckNode srcCheck) {
        if (injectBranchProbability(SLOWPATH_PROBABILITY, !srcCheck.execute(srcMemory, src, length))) {
            throw MemoryTrap.outOfBounds(srcMemory, src, 0, length, this);
        }
        if (injectBranchProbability(SLOWPATH_PROBABILITY, !dstCheck.execute(dstMemory, dst, length))) {
            throw MemoryTrap.outOfBounds(dstMemory, dst, 0, length, this);
        }
        Object srcBase = srcMemory.storageBase();
        Object dstBase = dstMemory.storageBase();
        if (srcBase instanceof byte[] srcArray && dstBase instanceof byte[] dstArray) {
            copyArrays(srcArray, srcMemory.storageOffset() + src, dstArray, dstMemory.storageOffset() + dst, length);
        } else {
            UNSAFE.copyMemory(srcBase, srcMemory.storageOffset() + src, dstBase, dstMemory.storageOffset() + dst, length);
        }
    }

    /**
     * Heap to heap: System.arraycopy compiles to the JDK's arraycopy stubs directly, where
     * Unsafe.copyMemory goes through the generic unsafe-copy stub that first dispatches on
     * alignment. The int casts are exact: both ranges were checked, and heap storage is a byte[].
     */
    private static void copyArrays(byte[] srcArray, long srcOffset, byte[] dstArray, long dstOffset, long length) {
        System.arraycopy(srcArray, (int) (srcOffset - BYTE_ARRAY_BASE), dstArray, (int) (dstOffset - BYTE_ARRAY_BASE), (int) length);
    }
}
