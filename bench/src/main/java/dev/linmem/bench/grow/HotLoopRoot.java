package dev.linmem.bench.grow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.RootNode;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.nodes.MemoryGrowNode;
import dev.linmem.memory.nodes.MemoryLoadNode;

/**
 * A hot loop over the first {@link #LOADS} words of a constant memory that grows by one page
 * when its argument asks: the grow runs in the same compiled code as the loads that cached the
 * memory's size or storage, so it invalidates that code.
 */
final class HotLoopRoot extends RootNode {
    static final int LOADS = 4096;

    @Child private MemoryGrowNode grow = MemoryGrowNode.create();
    @Child private MemoryLoadNode load = MemoryLoadNode.create(4, true, 0);
    private final LinearMemory memory;

    HotLoopRoot(LinearMemory memory) {
        super(null);
        this.memory = memory;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        long sum = 0;
        if ((Boolean) frame.getArguments()[0]) {
            sum = grow.execute(memory, 1);
        }
        for (int i = 0; i < LOADS; i++) {
            sum += load.execute(memory, i * 4L);
        }
        // loop iterations count toward (re)compilation, as in a guest language
        LoopNode.reportLoopCount(this, LOADS);
        return sum;
    }
}
