package dev.linmem.memory.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.nodes.Node;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;

/**
 * What loads and stores share: the static offset and width, and the checked step from a wasm
 * address to a raw storage offset. The subclasses' specializations differ only in where the
 * size and base come from (constants cached under an assumption, or read from the memory).
 */
abstract class MemoryAccessNode extends Node {
    /** The instruction's static offset, unsigned. */
    protected final long offset;
    /** Bytes accessed: 1, 2, 4 or 8. */
    protected final int width;
    /**
     * Whether this site has accessed a memory whose size is read per access (a dynamic memory)
     * above that memory's minimum. Until it has, compiled code assumes it never will: the check
     * against the constant minimum is then a guard, which the compiler may move out of a loop, as
     * it does a static memory's check. A site that reaches past the minimum deoptimizes once and
     * from then on checks against the live size alone.
     */
    @CompilationFinal private boolean seenAboveMinimum;

    MemoryAccessNode(int width, long offset) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("access width must be 1, 2, 4 or 8 bytes, got " + width);
        }
        this.width = width;
        this.offset = offset;
    }

    /**
     * The raw offset of {@code address + offset} within the storage, or a trap, thrown from a
     * boundary after leaving compiled code.
     *
     * <p>{@code byteSize} may be a cached, older size. Before trapping, the slow path asks the
     * memory for its size now: another thread may have grown a shared memory after this code cached
     * the size and before the invalidation reached it, and an access below a size that a thread
     * has already observed must not trap. Sizes only grow, so the fast path can never be wrong the
     * other way.
     */
    protected final long checkedRawOffset(LinearMemory memory, long storageOffset, long byteSize, long address) {
        if (!Bounds.inBounds(address, offset, width, byteSize)) {
            // Deoptimize rather than branch to a throw: a check whose failure leaves compiled code
            // is a guard, which the compiler may move out of a loop (one check of the loop's range
            // instead of one per access). The trap itself is rare; the code stays installed.
            CompilerDirectives.transferToInterpreter();
            if (!Bounds.inBounds(address, offset, width, memory.byteSize())) {
                throw MemoryTrap.outOfBounds(memory, address, offset, width, this);
            }
        }
        return storageOffset + address + offset;
    }

    /**
     * As {@link #checkedRawOffset} for a memory whose size is not cached: while this site has only
     * accessed the memory inside its minimum, the check is against that constant and the size is
     * never read (see {@link #seenAboveMinimum}).
     */
    protected final long checkedRawOffset(LinearMemory memory, long storageOffset, long minimumBytes, LinearMemory sizeSource, long address) {
        if (!seenAboveMinimum) {
            if (Bounds.belowMinimum(address, offset, width, minimumBytes)) {
                return storageOffset + address + offset;
            }
            CompilerDirectives.transferToInterpreterAndInvalidate();
            seenAboveMinimum = true;
        }
        return checkedRawOffset(memory, storageOffset, sizeSource.byteSize(), address);
    }
}
