package dev.linmem.memory;

/**
 * A thread tried to use an unshared memory while another thread uses it. An unshared memory
 * belongs to one thread at a time (as a wasmtime {@code Store} does): wasm gives unshared memories
 * no rules for concurrent access, and a grow that moves the storage, or a close, must know that no
 * other thread still holds the old bytes. Memories that threads share are declared shared.
 */
public final class MemoryInUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MemoryInUseException(LinearMemory memory, Thread owner) {
        super(memory + " is in use by thread \"" + (owner == null ? "?" : owner.getName()) + "\": an unshared memory belongs to one thread at a time " +
                        "(declare the memory shared to use it from several threads at once)");
    }
}
