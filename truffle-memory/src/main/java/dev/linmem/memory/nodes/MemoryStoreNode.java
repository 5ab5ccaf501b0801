package dev.linmem.memory.nodes;

import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Introspectable;
import com.oracle.truffle.api.dsl.Specialization;
import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.StaticMemory;

/**
 * A wasm store of the low 1, 2, 4 or 8 bytes of {@code value} at {@code address + offset}
 * (f32 and f64 stores pass their raw bits). Specializes like {@link MemoryLoadNode}.
 */
@Introspectable
public abstract class MemoryStoreNode extends MemoryAccessNode {
    MemoryStoreNode(int width, long offset) {
        super(width, offset);
    }

    public static MemoryStoreNode create(int widthBytes, long offset) {
        return MemoryStoreNodeGen.create(widthBytes, offset);
    }

    public abstract void execute(LinearMemory memory, long address, long value);

    @Specialization(guards = "memory == cachedMemory", limit = "1", assumptions = "cachedMemory.sizeStable()")
    protected void staticMemory(@SuppressWarnings("unused") StaticMemory memory, long address, long value,
                    @Cached("memory") StaticMemory cachedMemory,
                    @Cached("cachedMemory.byteSize()") long cachedByteSize) {
        long raw = checkedRawOffset(cachedMemory, cachedMemory.storageOffset(), cachedByteSize, address);
        Raw.store(cachedMemory.storageBase(), raw, width, value);
    }

    @Specialization(guards = "memory == cachedMemory", limit = "1", assumptions = "cachedMemory.storageStable()")
    protected void dynamicMemory(@SuppressWarnings("unused") DynamicMemory memory, long address, long value,
                    @Cached("memory") DynamicMemory cachedMemory,
                    @Cached("cachedMemory.storageBase()") Object cachedBase,
                    @Cached("cachedMemory.storageOffset()") long cachedOffset,
                    @Cached("cachedMemory.type().minimumBytes()") long minimumBytes) {
        long raw = checkedRawOffset(cachedMemory, cachedOffset, minimumBytes, cachedMemory, address);
        Raw.store(cachedBase, raw, width, value);
    }

    @Specialization(replaces = {"staticMemory", "dynamicMemory"})
    protected void anyMemory(LinearMemory memory, long address, long value) {
        long raw = checkedRawOffset(memory, memory.storageOffset(), memory.byteSize(), address);
        Raw.store(memory.storageBase(), raw, width, value);
    }
}
