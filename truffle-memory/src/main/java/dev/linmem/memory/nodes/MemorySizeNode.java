package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Introspectable;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.StaticMemory;

/** {@code memory.size}: the current size in pages; a constant for a static memory until it grows. */
@Introspectable
public abstract class MemorySizeNode extends Node {
    public static MemorySizeNode create() {
        return MemorySizeNodeGen.create();
    }

    public abstract long execute(LinearMemory memory);

    @Specialization(guards = "memory == cachedMemory", limit = "1", assumptions = "cachedMemory.sizeStable()")
    protected static long staticMemory(@SuppressWarnings("unused") StaticMemory memory,
                    @Cached("memory") @SuppressWarnings("unused") StaticMemory cachedMemory,
                    @Cached("cachedMemory.pages()") long cachedPages) {
        return cachedPages;
    }

    @Specialization(replaces = "staticMemory")
    protected static long anyMemory(LinearMemory memory) {
        return memory.pages();
    }
}
