package dev.linmem.bench.access;

/** The loop over hand-written access; {@code storage} is a final field, so its calls inline. */
final class RawAccessRoot extends AccessLoopRoot {
    private final RawStorage storage;

    RawAccessRoot(AccessOp op, RawStorage storage) {
        super(op);
        this.storage = storage;
    }

    @Override
    protected int loadI32(long address) {
        return storage.loadI32(address);
    }

    @Override
    protected void storeI32(long address, int value) {
        storage.storeI32(address, value);
    }

    @Override
    protected long loadI64(long address) {
        return storage.loadI64(address);
    }

    @Override
    protected void storeI64(long address, long value) {
        storage.storeI64(address, value);
    }
}
