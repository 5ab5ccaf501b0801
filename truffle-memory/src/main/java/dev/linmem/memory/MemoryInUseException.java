package dev.linmem.memory;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/**
 * A thread tried to use an unshared memory while another thread uses it. An unshared memory
 * belongs to one thread at a time (as a wasmtime {@code Store} does): wasm gives unshared memories
 * no rules for concurrent access, and a grow that moves the storage, or a close, must know that no
 * other thread still holds the old bytes. Memories that threads share are declared shared.
 *
 * <p>It is a Truffle exception so that a polyglot host refused this way (calling a function of an
 * instance another thread runs, or reading the memory as a buffer) gets a guest exception with
 * this message, not an internal error; Java callers catch it by this type, as before. It is not a
 * trap: the guest did nothing wrong, and the same call succeeds once the other thread has left.
 */
public final class MemoryInUseException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    MemoryInUseException(LinearMemory memory, Thread owner) {
        super(memory + " is in use by thread \"" + (owner == null ? "?" : owner.getName()) + "\": an unshared memory belongs to one thread at a time " +
                        "(declare the memory shared to use it from several threads at once)");
    }
}
