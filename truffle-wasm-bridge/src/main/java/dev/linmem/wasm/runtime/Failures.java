package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.memory.DynamicStorage;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.WasmException;

/**
 * Turns what guest execution throws into the embedding API's {@link WasmException}: traps (ours and
 * the memory library's {@code MemoryTrap}) become TRAP with the spec's text; calls nested past the
 * call depth limit ({@link CallStackExhausted}) and a Java stack overflow outside any wasm frame
 * become EXHAUSTION "call stack exhausted"; a memory the allocator cannot provide is RESOURCE_LIMIT.
 */
public final class Failures {
    private Failures() {
    }

    public static WasmException fromTrap(AbstractTruffleException trap) {
        WasmException.Kind kind = trap instanceof CallStackExhausted ? WasmException.Kind.EXHAUSTION : WasmException.Kind.TRAP;
        return new WasmException(kind, trap.getMessage(), -1, trap);
    }

    public static WasmException callStackExhausted(StackOverflowError error) {
        return new WasmException(WasmException.Kind.EXHAUSTION, CallStackExhausted.SPEC_TEXT + ": the Java stack of thread \""
                        + Thread.currentThread().getName() + "\" overflowed outside wasm code", -1, error);
    }

    /**
     * The embedder's allocator could not provide a memory of {@code type}. When the memory is too
     * large for heap storage (a {@code byte[]}) but not for native storage, the message says so:
     * the usual cause is a 4 GiB memory on a heap allocator.
     */
    public static WasmException memoryNotAllocated(MemoryType type, RuntimeException cause) {
        String message = "memory cannot be allocated: " + cause.getMessage();
        long heapBytes = DynamicStorage.heap().maximumBytes();
        long minimumBytes = type.minimumBytes();
        if (minimumBytes > heapBytes && minimumBytes <= MemoryAllocator.MAX_RESERVATION_BYTES) {
            message += "; a memory of more than " + heapBytes + " bytes needs native storage"
                            + " (MemoryAllocator.dynamicNative() or staticNative(); bin/linmem run --storage native)";
        }
        return new WasmException(WasmException.Kind.RESOURCE_LIMIT, message, -1, cause);
    }
}
