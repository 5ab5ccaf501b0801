package dev.linmem.memory;

/** A memory could not be created: its minimum does not fit the storage, or a pool has no free slot that fits. */
public final class MemoryAllocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MemoryAllocationException(String message) {
        super(message);
    }
}
