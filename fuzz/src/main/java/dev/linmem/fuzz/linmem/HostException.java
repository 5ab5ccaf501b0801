package dev.linmem.fuzz.linmem;

import com.oracle.truffle.api.exception.AbstractTruffleException;

/**
 * An exception thrown by a fuzzing-support host function, the counterpart of a JavaScript
 * exception thrown by the V8 harness's imports: it unwinds the guest like a trap, but
 * {@code call-export-catch} and {@code call-ref-catch} catch it, and a call it ends is written as
 * {@code exception NAME}, not as a trap.
 */
public final class HostException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public HostException(String message) {
        super(message);
    }
}
