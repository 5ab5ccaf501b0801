package dev.linmem.memory.nodes;

import static com.oracle.truffle.api.CompilerDirectives.SLOWPATH_PROBABILITY;
import static com.oracle.truffle.api.CompilerDirectives.injectBranchProbability;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;

/**
 * What loads and stores share: the static offset and width, and the checked step from a wasm
 * address to a raw storage offset. The subclasses' specializations differ only in where the
 * size and base come from (constants cached under an assumption, or read from the memory).
 *
 * <p><b>Why every check is a branch, never a deoptimization.</b> A raw {@code Unsafe} access has
 * no input that ties it to the check that guards it: it stays behind the check only because it
 * sits in the block the check branches to. When the failing side of a check deoptimizes
 * ({@code transferToInterpreter}, or a speculation that invalidates), Graal turns the check into
 * a floating guard and the branch disappears. The guard is then ordered only by its anchor, not
 * against the access, and the scheduler may place the access first: compiled code on dynamic
 * memories read at base + 4 GiB (address 0xfffffff0) and at base - 16 (a memory64 address of
 * 2^64 - 16) before the guard that would have trapped, and on heap storage it silently read
 * other objects' bytes. So the failing side of every check here is a real branch to a call (a
 * {@link TruffleBoundary} that rechecks and throws): the access stays control-dependent on the
 * check in every compiled form. The cost is that the compiler cannot hoist such a check out of a
 * loop as a guard; the benchmarks measure it (bench/results, "bounds checks as branches").
 */
abstract class MemoryAccessNode extends Node {
    /** The instruction's static offset, unsigned. */
    protected final long offset;
    /** Bytes accessed: 1, 2, 4 or 8. */
    protected final int width;
    /**
     * Whether this site has accessed a memory whose size is read per access (a dynamic memory)
     * above that memory's minimum. While it has not, compiled code first compares against the
     * constant minimum (sizes never shrink while a memory is open, so no size needs to be read)
     * and only then against the live size. The flag only chooses the shape of compiled code, both
     * shapes check fully; it is set in the interpreter without invalidating, so no deoptimization
     * ever stands between a check and its access.
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
     * The raw offset of {@code address + offset} within the storage, or a trap.
     *
     * <p>{@code byteSize} may be a cached, older size. Before trapping, the slow path asks the
     * memory for its size now: another thread may have grown a shared memory after this code cached
     * the size and before the invalidation reached it, and an access below a size that a thread
     * has already observed must not trap. Sizes only grow, so the fast path can never be wrong the
     * other way.
     */
    protected final long checkedRawOffset(LinearMemory memory, long storageOffset, long byteSize, long address) {
        if (injectBranchProbability(SLOWPATH_PROBABILITY, !Bounds.inBounds(address, offset, width, byteSize))) {
            trapUnlessInBoundsNow(memory, address);
        }
        return storageOffset + address + offset;
    }

    /**
     * As {@link #checkedRawOffset} for a memory whose size is not cached: inside the type's minimum
     * the size is never read (see {@link #seenAboveMinimum}).
     */
    protected final long checkedRawOffset(LinearMemory memory, long storageOffset, long minimumBytes, LinearMemory sizeSource, long address) {
        if (!seenAboveMinimum) {
            if (Bounds.belowMinimum(address, offset, width, minimumBytes)) {
                return storageOffset + address + offset;
            }
            if (CompilerDirectives.inInterpreter()) {
                seenAboveMinimum = true;
            }
        }
        return checkedRawOffset(memory, storageOffset, sizeSource.byteSize(), address);
    }

    /**
     * The slow side of a failed check: a call, so the check stays a branch in compiled code.
     * Returns when the memory's size now admits the access (a shared memory grown by another
     * thread); throws the trap otherwise. The trap leaves compiled code as an exception, without
     * deoptimizing: a guest that traps over and over (a fuzzer, a test suite, a program that
     * catches traps in its host) would otherwise deoptimize on every trap until Graal gives up
     * on the code as a deoptimization cycle.
     */
    @TruffleBoundary(transferToInterpreterOnException = false)
    private void trapUnlessInBoundsNow(LinearMemory memory, long address) {
        if (!Bounds.inBounds(address, offset, width, memory.byteSize())) {
            throw MemoryTrap.outOfBounds(memory, address, offset, width, this);
        }
    }
}
