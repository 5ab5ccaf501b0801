package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;

/**
 * {@code memory.atomic.wait32/64}: 0 when woken by notify, 1 when the value is not
 * {@code expected}, 2 when {@code timeoutNanos} passed (negative: wait forever). Alignment and
 * bounds are checked first; then an unshared memory traps ({@code expected shared memory}).
 */
public abstract class AtomicWaitNode extends AtomicAccessNode {
    AtomicWaitNode(int width, long offset) {
        super(width, offset);
        if (width != 4 && width != 8) {
            throw new IllegalArgumentException("wait is 4 or 8 bytes wide, got " + width);
        }
    }

    public static AtomicWaitNode create(int widthBytes, long offset) {
        return AtomicWaitNodeGen.create(widthBytes, offset);
    }

    public abstract int execute(LinearMemory memory, long address, long expected, long timeoutNanos);

    @Specialization
    protected int await(LinearMemory memory, long address, long expected, long timeoutNanos) {
        long effective = checkedEffectiveAddress(memory, address);
        if (!memory.isShared()) {
            throw MemoryTrap.expectedShared(this);
        }
        return memory.atomicWait(effective, expected, width, timeoutNanos);
    }
}
