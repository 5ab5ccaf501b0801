package dev.linmem.bench.access;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * One call runs {@link #ACCESSES} accesses of one {@link AccessOp}. The loop is shared by linmem's
 * nodes and the hand-written baselines, which differ only in the four access methods, so both
 * are compiled by the same partial evaluation and the same Graal compiler. {@code op} is a final
 * field of a constant root, so the switch folds and each compilation holds one loop.
 */
public abstract class AccessLoopRoot extends RootNode {
    public static final int ACCESSES = 8192;
    /** The bytes the random patterns touch: 1 MiB, the memory's minimum (16 pages). */
    public static final int REGION_BYTES = 1 << 20;

    private final AccessOp op;

    protected AccessLoopRoot(AccessOp op) {
        super(null);
        this.op = op;
    }

    protected abstract int loadI32(long address);

    protected abstract void storeI32(long address, int value);

    protected abstract long loadI64(long address);

    protected abstract void storeI64(long address, long value);

    @Override
    public final Object execute(VirtualFrame frame) {
        int seed = (Integer) frame.getArguments()[0];
        long sum = 0;
        switch (op) {
            case SEQ_LOAD_I32:
                for (int i = 0; i < ACCESSES; i++) {
                    sum += loadI32(i * 4L);
                }
                break;
            case SEQ_STORE_I32:
                for (int i = 0; i < ACCESSES; i++) {
                    storeI32(i * 4L, i + seed);
                }
                break;
            case SEQ_LOAD_I64:
                for (int i = 0; i < ACCESSES; i++) {
                    sum += loadI64(i * 8L);
                }
                break;
            case SEQ_STORE_I64:
                for (int i = 0; i < ACCESSES; i++) {
                    storeI64(i * 8L, i + seed);
                }
                break;
            case RAND_LOAD_I32:
                for (int i = 0, x = seed; i < ACCESSES; i++) {
                    x = next(x);
                    sum += loadI32(randomAddress(x, 4));
                }
                break;
            case RAND_STORE_I32:
                for (int i = 0, x = seed; i < ACCESSES; i++) {
                    x = next(x);
                    storeI32(randomAddress(x, 4), i);
                }
                break;
            case RAND_LOAD_I64:
                for (int i = 0, x = seed; i < ACCESSES; i++) {
                    x = next(x);
                    sum += loadI64(randomAddress(x, 8));
                }
                break;
            case RAND_STORE_I64:
                for (int i = 0, x = seed; i < ACCESSES; i++) {
                    x = next(x);
                    storeI64(randomAddress(x, 8), i);
                }
                break;
            case CONST_ADDRESS:
                for (int i = 0; i < ACCESSES; i++) {
                    storeI32(64, loadI32(64) + i);
                }
                sum = loadI32(64);
                break;
        }
        // Counts the loop's iterations toward compilation, as guest languages do, so the root
        // compiles after a few calls instead of a thousand slow interpreted ones.
        LoopNode.reportLoopCount(this, ACCESSES);
        return sum;
    }

    private static int next(int x) {
        return x * 1664525 + 1013904223;
    }

    /** The LCG's low bits have short periods, so the address comes from its high bits. */
    private static long randomAddress(int x, int width) {
        return ((x >>> 8) & (REGION_BYTES - 1)) & -width;
    }
}
