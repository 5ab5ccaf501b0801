package dev.linmem.memory;

/**
 * A memory type that violates one of WebAssembly's limits, refused when it is built. The message
 * names the limit that was broken and the value that broke it.
 */
public final class InvalidMemoryTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidMemoryTypeException(String message) {
        super(message);
    }
}
