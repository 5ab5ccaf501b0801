package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.LinearMemory;

/** {@code *.atomic.rmw*.{add,sub,and,or,xor,xchg}}: returns the old value, zero-extended from the width. */
public abstract class AtomicRmwNode extends AtomicAccessNode {
    protected final AtomicOp op;

    AtomicRmwNode(AtomicOp op, int width, long offset) {
        super(width, offset);
        this.op = op;
    }

    public static AtomicRmwNode create(AtomicOp op, int widthBytes, long offset) {
        return AtomicRmwNodeGen.create(op, widthBytes, offset);
    }

    public abstract long execute(LinearMemory memory, long address, long operand);

    @Specialization
    protected long update(LinearMemory memory, long address, long operand) {
        long raw = checkedRawOffset(memory, address);
        if (memory.isShared()) {
            return AtomicRaw.readModifyWrite(memory.storageBase(), raw, width, op, operand);
        }
        return AtomicRaw.plainReadModifyWrite(memory.storageBase(), raw, width, op, operand);
    }
}
