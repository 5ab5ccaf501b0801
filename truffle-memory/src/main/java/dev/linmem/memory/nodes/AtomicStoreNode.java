package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.LinearMemory;

/** {@code *.atomic.store*}: a sequentially consistent store of the low {@code width} bytes. */
public abstract class AtomicStoreNode extends AtomicAccessNode {
    AtomicStoreNode(int width, long offset) {
        super(width, offset);
    }

    public static AtomicStoreNode create(int widthBytes, long offset) {
        return AtomicStoreNodeGen.create(widthBytes, offset);
    }

    public abstract void execute(LinearMemory memory, long address, long value);

    @Specialization
    protected void store(LinearMemory memory, long address, long value) {
        long raw = checkedRawOffset(memory, address);
        AtomicRaw.store(memory.storageBase(), raw, width, value);
    }
}
