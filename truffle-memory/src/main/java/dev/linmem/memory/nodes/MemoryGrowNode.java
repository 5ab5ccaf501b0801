package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.linmem.memory.LinearMemory;

/**
 * {@code memory.grow}: the old size in pages, or -1 with nothing changed. {@code deltaPages} is
 * the operand read as unsigned. Grow is a boundary call into the memory; when it moves storage or
 * changes a cached size, the memory invalidates the assumptions that compiled code relied on.
 */
public abstract class MemoryGrowNode extends Node {
    public static MemoryGrowNode create() {
        return MemoryGrowNodeGen.create();
    }

    public abstract long execute(LinearMemory memory, long deltaPages);

    @Specialization
    protected static long grow(LinearMemory memory, long deltaPages) {
        return memory.grow(deltaPages);
    }
}
