package dev.linmem.memory.nodes;

/** The read-modify-write operations of the threads proposal. */
public enum AtomicOp {
    ADD,
    SUB,
    AND,
    OR,
    XOR,
    XCHG;

    /** The new value from the old one and the operand (the caller wraps it to the access width). */
    long apply(long old, long operand) {
        switch (this) {
            case ADD:
                return old + operand;
            case SUB:
                return old - operand;
            case AND:
                return old & operand;
            case OR:
                return old | operand;
            case XOR:
                return old ^ operand;
            default:
                return operand;
        }
    }
}
