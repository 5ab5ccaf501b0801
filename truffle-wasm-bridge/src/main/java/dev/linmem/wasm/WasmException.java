package dev.linmem.wasm;

/**
 * Every failure a WebAssembly module can cause, from decoding to execution.
 *
 * <p>The message starts with the text the WebAssembly reference interpreter uses for the same
 * failure (for example {@code "unexpected end"}, {@code "type mismatch"}, {@code "unknown memory 1"}),
 * so that the spec test suite can compare by prefix, as the reference interpreter does. Details
 * (the byte offset, what was expected) follow that text.
 *
 * <p>{@link #byteOffset()} is the offset in bytes into the module binary at which the problem was
 * detected, or {@code -1} when the failure is not tied to a position (traps, link errors).
 */
public class WasmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The phase that failed, in the terms of the WebAssembly specification's test commands. */
    public enum Kind {
        /** The binary does not follow the binary format ({@code assert_malformed}). */
        MALFORMED,
        /** The module is well-formed but does not validate ({@code assert_invalid}). */
        INVALID,
        /** Imports cannot be satisfied at instantiation ({@code assert_unlinkable}). */
        UNLINKABLE,
        /** Execution trapped ({@code assert_trap}). */
        TRAP,
        /** Calls nested past the call depth limit, or the Java stack ran out ({@code assert_exhaustion}). */
        EXHAUSTION,
        /**
         * The module uses a WebAssembly feature linmem does not implement (no spec command expects
         * this): always an {@link UnsupportedFeatureException}, which names the feature.
         */
        UNSUPPORTED,
        /**
         * The engine cannot provide a resource the module needs: a memory larger than the
         * allocator's storage can hold, an exhausted memory pool, memory the system refuses. Not a
         * fault of the module: it may instantiate with another allocator (native storage, a larger
         * pool) or on a larger machine.
         */
        RESOURCE_LIMIT
    }

    private final Kind kind;
    private final long byteOffset;

    /**
     * @param kind the failing phase
     * @param message starts with the spec reference interpreter's text for this failure
     * @param byteOffset offset in bytes into the module binary, or -1 when there is none
     */
    public WasmException(Kind kind, String message, long byteOffset) {
        this(kind, message, byteOffset, null);
    }

    /** A failure not tied to a position in the binary. */
    public WasmException(Kind kind, String message) {
        this(kind, message, -1);
    }

    /**
     * A failure caused by another exception (kept as the cause, may be null). Decoding failures
     * (MALFORMED, INVALID, UNSUPPORTED) carry no Java stack trace: they are expected results (the
     * spec suite triggers hundreds), describe the module rather than the code, and are never shown
     * as a trace. The other kinds keep theirs, for whoever debugs the engine.
     */
    public WasmException(Kind kind, String message, long byteOffset, Throwable cause) {
        super(message, cause, true, kind != Kind.MALFORMED && kind != Kind.INVALID && kind != Kind.UNSUPPORTED);
        this.kind = kind;
        this.byteOffset = byteOffset;
    }

    public static WasmException malformed(String message, long byteOffset) {
        return new WasmException(Kind.MALFORMED, message, byteOffset);
    }

    public static WasmException invalid(String message, long byteOffset) {
        return new WasmException(Kind.INVALID, message, byteOffset);
    }

    public Kind kind() {
        return kind;
    }

    /** Offset in bytes into the module binary where the failure was detected, or -1. */
    public long byteOffset() {
        return byteOffset;
    }
}
