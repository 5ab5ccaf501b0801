package dev.linmem.bench.access;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.nodes.MemoryLoadNode;
import dev.linmem.memory.nodes.MemoryStoreNode;

/** The loop over linmem's DSL nodes, with the memory held as a constant as the bridge holds it. */
final class LinmemAccessRoot extends AccessLoopRoot {
    @Child private MemoryLoadNode loadI32 = MemoryLoadNode.create(4, true, 0);
    @Child private MemoryStoreNode storeI32 = MemoryStoreNode.create(4, 0);
    @Child private MemoryLoadNode loadI64 = MemoryLoadNode.create(8, false, 0);
    @Child private MemoryStoreNode storeI64 = MemoryStoreNode.create(8, 0);
    private final LinearMemory memory;

    LinmemAccessRoot(AccessOp op, LinearMemory memory) {
        super(op);
        this.memory = memory;
    }

    @Override
    protected int loadI32(long address) {
        return (int) loadI32.execute(memory, address);
    }

    @Override
    protected void storeI32(long address, int value) {
        storeI32.execute(memory, address, value);
    }

    @Override
    protected long loadI64(long address) {
        return loadI64.execute(memory, address);
    }

    @Override
    protected void storeI64(long address, long value) {
        storeI64.execute(memory, address, value);
    }
}
