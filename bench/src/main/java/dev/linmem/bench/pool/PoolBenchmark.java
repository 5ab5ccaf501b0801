package dev.linmem.bench.pool;

import dev.linmem.bench.MemoryKind;
import dev.linmem.bench.OptimizingRuntime;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryPool;
import dev.linmem.memory.MemoryType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Item 4: acquiring and releasing a pooled memory against creating and freeing a fresh one, as a
 * user does: the memory's type declares the slot size as its maximum, the memory is acquired at
 * its minimum ({@code acquireBytes}: the whole slot, or 1 MiB as a typical module's data and
 * stack), and the first and last word of that minimum are written, as an instance's data
 * segments would, so the memory is really used (a fresh native memory commits those pages; the
 * pool must zero them on release). A fresh static memory reserves or allocates the maximum, as
 * the allocator presets do. Scores are µs per acquire + write + release.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PoolBenchmark {
    @Param({"POOL_NATIVE", "POOL_HEAP", "FRESH_STATIC_NATIVE", "FRESH_STATIC_HEAP", "FRESH_DYNAMIC_NATIVE", "FRESH_DYNAMIC_HEAP"})
    public String poolImpl;

    @Param({"1048576", "67108864"})
    public long poolBytes;

    /** The memory's minimum: SLOT (all of it, the worst case for a pool) or a byte count, at most the slot. */
    @Param({"SLOT", "1048576"})
    public String acquireBytes;

    private long usedBytes;

    private MemoryPool pool;
    private MemoryAllocator allocator;
    private MemoryType type;

    @Setup
    public void setUp() {
        OptimizingRuntime.require();
        usedBytes = acquireBytes.equals("SLOT") ? poolBytes : Math.min(poolBytes, Long.parseLong(acquireBytes));
        type = MemoryType.of(usedBytes / MemoryType.DEFAULT_PAGE_SIZE, poolBytes / MemoryType.DEFAULT_PAGE_SIZE);
        allocator = switch (poolImpl) {
            case "POOL_NATIVE" -> pool = MemoryPool.offHeap(4, poolBytes);
            case "POOL_HEAP" -> pool = MemoryPool.onHeap(4, poolBytes);
            default -> MemoryKind.valueOf(poolImpl.substring("FRESH_".length())).allocator();
        };
    }

    @Benchmark
    public long acquireRelease() {
        try (LinearMemory memory = allocator.allocate(type)) {
            memory.writeLong(0, 1);
            memory.writeLong(usedBytes - 8, 2);
            return memory.readLong(0);
        }
    }

    @TearDown
    public void tearDown() {
        if (pool != null) {
            pool.close();
        }
    }
}
