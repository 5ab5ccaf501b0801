package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.LinearMemory;

/** {@code *.atomic.load*}: a sequentially consistent load, zero-extended (atomic loads are unsigned). */
public abstract class AtomicLoadNode extends AtomicAccessNode {
    AtomicLoadNode(int width, long offset) {
        super(width, offset);
    }

    public static AtomicLoadNode create(int widthBytes, long offset) {
        return AtomicLoadNodeGen.create(widthBytes, offset);
    }

    public abstract long execute(LinearMemory memory, long address);

    @Specialization
    protected long load(LinearMemory memory, long address) {
        long raw = checkedRawOffset(memory, address);
        return AtomicRaw.load(memory.storageBase(), raw, width);
    }
}
