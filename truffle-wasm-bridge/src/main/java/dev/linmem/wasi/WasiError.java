package dev.linmem.wasi;

/**
 * A WASI call failed with {@link #errno}: thrown inside the implementation, caught where a
 * function returns to the guest and turned into its result. Carries no stack trace: it is control
 * flow, never shown to anyone.
 */
final class WasiError extends Exception {
    private static final long serialVersionUID = 1L;

    final int errno;

    WasiError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }
}
