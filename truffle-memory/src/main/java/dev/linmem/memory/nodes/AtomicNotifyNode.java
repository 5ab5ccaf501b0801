package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.LinearMemory;

/** {@code memory.atomic.notify}: wakes up to {@code count} (unsigned) waiters at the address; returns how many woke (0 for an unshared memory). */
public abstract class AtomicNotifyNode extends AtomicAccessNode {
    AtomicNotifyNode(long offset) {
        super(4, offset);
    }

    public static AtomicNotifyNode create(long offset) {
        return AtomicNotifyNodeGen.create(offset);
    }

    public abstract int execute(LinearMemory memory, long address, long count);

    @Specialization
    protected int notifyWaiters(LinearMemory memory, long address, long count) {
        long effective = checkedEffectiveAddress(memory, address);
        return memory.atomicNotify(effective, count);
    }
}
