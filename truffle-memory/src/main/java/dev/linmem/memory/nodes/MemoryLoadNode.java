package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Introspectable;
import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.StaticMemory;

/**
 * A wasm load of 1, 2, 4 or 8 bytes at {@code address + offset}, sign- or zero-extended to 64
 * bits (f32 and f64 loads take the low bits). {@code address} is the operand read as unsigned:
 * {@code Integer.toUnsignedLong(i)} for i32 memories.
 *
 * <p>Specializations, most specific first:
 * <ul>
 * <li>{@code staticMemory}: one static memory, its base (final) and size (under
 * {@code sizeStable}) held as constants.</li>
 * <li>{@code dynamicMemory}: one dynamic memory, its base held as a constant under
 * {@code storageStable} (a move deoptimizes and re-caches), the size read at each access.</li>
 * <li>{@code anyMemory}: reads base and size from whatever memory comes; what a memory that keeps
 * invalidating its assumptions ends in.</li>
 * </ul>
 */
@Introspectable
public abstract class MemoryLoadNode extends MemoryAccessNode {
    protected final boolean signed;

    MemoryLoadNode(int width, boolean signed, long offset) {
        super(width, offset);
        this.signed = signed;
    }

    public static MemoryLoadNode create(int widthBytes, boolean signed, long offset) {
        return MemoryLoadNodeGen.create(widthBytes, signed, offset);
    }

    public abstract long execute(LinearMemory memory, long address);

    @Specialization(guards = "memory == cachedMemory", limit = "1", assumptions = "cachedMemory.sizeStable()")
    protected long staticMemory(@SuppressWarnings("unused") StaticMemory memory, long address,
                    @Cached("memory") StaticMemory cachedMemory,
                    @Cached("cachedMemory.byteSize()") long cachedByteSize) {
        long raw = checkedRawOffset(cachedMemory, cachedMemory.storageOffset(), cachedByteSize, address);
        return Raw.load(cachedMemory.storageBase(), raw, width, signed);
    }

    @Specialization(guards = "memory == cachedMemory", limit = "1", assumptions = "cachedMemory.storageStable()")
    protected long dynamicMemory(@SuppressWarnings("unused") DynamicMemory memory, long address,
                    @Cached("memory") DynamicMemory cachedMemory,
                    @Cached("cachedMemory.storageBase()") Object cachedBase,
                    @Cached("cachedMemory.storageOffset()") long cachedOffset,
                    @Cached("cachedMemory.type().minimumBytes()") long minimumBytes) {
        long raw = checkedRawOffset(cachedMemory, cachedOffset, minimumBytes, cachedMemory, address);
        return Raw.load(cachedBase, raw, width, signed);
    }

    @Specialization(replaces = {"staticMemory", "dynamicMemory"})
    protected long anyMemory(LinearMemory memory, long address) {
        long raw = checkedRawOffset(memory, memory.storageOffset(), memory.byteSize(), address);
        return Raw.load(memory.storageBase(), raw, width, signed);
    }
}
