package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Introspectable;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.StaticMemory;

/**
 * Whether {@code [address, address + length)} (unsigned) lies inside a memory: the check the
 * bulk operations make over their whole range before they write a byte, with the same
 * specializations and the same {@link Bounds} arithmetic as loads and stores. With a constant
 * memory, address and length it folds to a constant; tests prove that with
 * {@code CompilerAsserts.partialEvaluationConstant}.
 */
@Introspectable
public abstract class MemoryRangeCheckNode extends Node {
    public static MemoryRangeCheckNode create() {
        return MemoryRangeCheckNodeGen.create();
    }

    public abstract boolean execute(LinearMemory memory, long address, long length);

    @Specialization(guards = "memory == cachedMemory", limit = "1", assumptions = "cachedMemory.sizeStable()")
    protected static boolean staticMemory(@SuppressWarnings("unused") StaticMemory memory, long address, long length,
                    @Cached("memory") StaticMemory cachedMemory,
                    @Cached("cachedMemory.byteSize()") long cachedByteSize) {
        // a shared memory may have grown since the size was cached: a miss asks the memory again
        return Bounds.inBounds(address, 0, length, cachedByteSize) || Bounds.inBounds(address, 0, length, cachedMemory.byteSize());
    }

    @Specialization(guards = "memory == cachedMemory", limit = "1", assumptions = "cachedMemory.storageStable()")
    protected static boolean dynamicMemory(@SuppressWarnings("unused") DynamicMemory memory, long address, long length,
                    @Cached("memory") DynamicMemory cachedMemory,
                    @Cached("cachedMemory.type().minimumBytes()") long minimumBytes) {
        return Bounds.belowMinimum(address, 0, length, minimumBytes) || Bounds.inBounds(address, 0, length, cachedMemory.byteSize());
    }

    @Specialization(replaces = {"staticMemory", "dynamicMemory"})
    protected static boolean anyMemory(LinearMemory memory, long address, long length) {
        return Bounds.inBounds(address, 0, length, memory.byteSize());
    }
}
