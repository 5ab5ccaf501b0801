package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/**
 * Carries a Truffle exception that a host function's body threw (one of its own, not a trap) out
 * through the guest frames, so that the code that called into wasm can rethrow it unchanged
 * instead of reporting it as a trap, which is what it does with every other Truffle exception. Not
 * itself a Truffle exception, for that reason.
 */
public final class HostFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HostFunctionException(AbstractTruffleException thrown) {
        super(thrown.getMessage(), thrown, false, false);
    }

    /** The exception the host function threw. */
    public AbstractTruffleException thrown() {
        return (AbstractTruffleException) getCause();
    }
}
