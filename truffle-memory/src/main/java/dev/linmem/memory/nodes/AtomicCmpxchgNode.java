package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.LinearMemory;

/**
 * {@code *.atomic.rmw*.cmpxchg*}: stores {@code replacement} if the value equals {@code expected}
 * (both wrapped to the width, as wasm defines); returns the old value, zero-extended.
 */
public abstract class AtomicCmpxchgNode extends AtomicAccessNode {
    AtomicCmpxchgNode(int width, long offset) {
        super(width, offset);
    }

    public static AtomicCmpxchgNode create(int widthBytes, long offset) {
        return AtomicCmpxchgNodeGen.create(widthBytes, offset);
    }

    public abstract long execute(LinearMemory memory, long address, long expected, long replacement);

    @Specialization
    protected long compareExchange(LinearMemory memory, long address, long expected, long replacement) {
        long raw = checkedRawOffset(memory, address);
        long wrappedExpected = expected & AtomicRaw.mask(width);
        if (memory.isShared()) {
            return AtomicRaw.compareExchange(memory.storageBase(), raw, width, wrappedExpected, replacement);
        }
        return AtomicRaw.plainCompareExchange(memory.storageBase(), raw, width, wrappedExpected, replacement);
    }
}
