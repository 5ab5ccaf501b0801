package dev.linmem.bench.bulk;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.nodes.MemoryCopyNode;
import dev.linmem.memory.nodes.MemoryFillNode;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * One bulk operation per call, inside a Truffle root so that linmem's nodes and the JDK's
 * copy and fill are compiled by the same Graal compiler. Copies go from the first half of the
 * storage to the second; fills write the first half with a byte that changes per call.
 */
abstract class BulkRoot extends RootNode {
    protected final boolean copy;
    protected final long bytes;

    BulkRoot(boolean copy, long bytes) {
        super(null);
        this.copy = copy;
        this.bytes = bytes;
    }

    @Override
    public final Object execute(VirtualFrame frame) {
        int value = (Integer) frame.getArguments()[0];
        if (copy) {
            copyBytes();
        } else {
            fill((byte) value);
        }
        return value;
    }

    protected abstract void copyBytes();

    protected abstract void fill(byte value);

    /** memory.copy and memory.fill through linmem's nodes on a constant memory. */
    static final class Linmem extends BulkRoot {
        @Child private MemoryCopyNode copyNode = MemoryCopyNode.create();
        @Child private MemoryFillNode fillNode = MemoryFillNode.create();
        private final LinearMemory memory;

        Linmem(boolean copy, long bytes, LinearMemory memory) {
            super(copy, bytes);
            this.memory = memory;
        }

        @Override
        protected void copyBytes() {
            copyNode.execute(memory, memory, bytes, 0, bytes);
        }

        @Override
        protected void fill(byte value) {
            fillNode.execute(memory, 0, value, bytes);
        }
    }

    /** System.arraycopy and Arrays.fill over a byte[]. */
    static final class JdkArray extends BulkRoot {
        private final byte[] array;

        JdkArray(boolean copy, long bytes) {
            super(copy, bytes);
            this.array = new byte[(int) (2 * bytes)];
        }

        @Override
        protected void copyBytes() {
            System.arraycopy(array, 0, array, (int) bytes, (int) bytes);
        }

        @Override
        protected void fill(byte value) {
            Arrays.fill(array, 0, (int) bytes, value);
        }
    }

    /** MemorySegment.copy and MemorySegment.fill over off-heap memory. */
    static final class JdkSegment extends BulkRoot {
        private final MemorySegment segment;

        JdkSegment(boolean copy, long bytes, MemorySegment segment) {
            super(copy, bytes);
            this.segment = segment;
        }

        @Override
        protected void copyBytes() {
            MemorySegment.copy(segment, 0, segment, bytes, bytes);
        }

        @Override
        protected void fill(byte value) {
            segment.asSlice(0, bytes).fill(value);
        }
    }
}
