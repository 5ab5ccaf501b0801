package dev.linmem.bench.grow;

import dev.linmem.bench.MemoryKind;
import dev.linmem.bench.OptimizingRuntime;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Item 3a: the cost of growing by one page, 512 times in a row from 1 page to 513, on a memory
 * created before the measurement (a static heap memory allocates its 64 MiB maximum then). Each
 * grow touches the new page's last word, as a program that grows to use the space does. The
 * memory is fresh per iteration, so every iteration measures the same 512 grows; a dynamic
 * memory's moves (and the copying they cost) are part of the price. Scores are µs per page.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, batchSize = 1)
@Measurement(iterations = 20, batchSize = 1)
@Fork(1)
public class GrowBenchmark {
    static final int GROWS = 512;
    private static final int PAGE = MemoryType.DEFAULT_PAGE_SIZE;

    @Param({"STATIC_HEAP", "STATIC_NATIVE", "DYNAMIC_HEAP", "DYNAMIC_NATIVE"})
    public String growKind;

    private LinearMemory memory;

    @Setup(Level.Iteration)
    public void setUp() {
        OptimizingRuntime.require();
        memory = MemoryKind.valueOf(growKind).create(MemoryType.of(1, 1024));
    }

    @Benchmark
    @OperationsPerInvocation(GROWS)
    public long growByOnePage() {
        long sum = 0;
        for (int i = 0; i < GROWS; i++) {
            long old = memory.grow(1);
            memory.writeLong(old * PAGE + PAGE - 8, i);
            sum += old;
        }
        return sum;
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        if (memory.pages() != 1 + GROWS) {
            throw new IllegalStateException("expected " + (1 + GROWS) + " pages after the grows, got " + memory.pages());
        }
        memory.close();
    }
}
