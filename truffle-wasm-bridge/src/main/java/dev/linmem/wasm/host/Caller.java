package dev.linmem.wasm.host;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * What a host function's body sees of the instance that called it: that instance's memories (the
 * ones it defines and the ones it imports, in its memory index space), as the library's
 * {@link LinearMemory}. Read and write them with the library's host copies, which check bounds and
 * allocate nothing:
 *
 * <pre>{@code
 * LinearMemory memory = caller.memory();
 * int iovecs = memory.readInt(address);                 // little-endian, like wasm
 * memory.write(buffer, bytes, 0, bytes.length);          // traps, writing nothing, when out of range
 * }</pre>
 *
 * <p>An access out of range throws the library's {@code MemoryTrap}, which the engine reports as a
 * wasm trap ("out of bounds memory access"). Addresses are unsigned: convert an i32 argument with
 * {@code Integer.toUnsignedLong}.
 */
public final class Caller {
    private final ModuleInstance instance;

    Caller(ModuleInstance instance) {
        this.instance = instance;
    }

    /** The calling instance's memory 0, the one wasm code uses when it names none; a trap if it has none. */
    public LinearMemory memory() {
        if (instance.memories().length == 0) {
            throw HostFunction.trap("host function needs a memory, but " + instance.name() + " has none");
        }
        return instance.memory(0);
    }

    /** The calling instance's memory {@code index} (imported memories first, as in wasm). */
    public LinearMemory memory(int index) {
        if (index < 0 || index >= instance.memories().length) {
            throw new IndexOutOfBoundsException("memory " + index + " of " + instance.name() + ", which has " + instance.memories().length);
        }
        return instance.memory(index);
    }

    /** How many memories the calling instance has. */
    public int memoryCount() {
        return instance.memories().length;
    }

    /** The name the calling instance was instantiated under. */
    public String instanceName() {
        return instance.name();
    }

    @Override
    public String toString() {
        return "caller " + instance.name();
    }
}
