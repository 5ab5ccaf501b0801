package dev.linmem.bench.bulk;

import com.oracle.truffle.api.RootCallTarget;
import dev.linmem.bench.MemoryKind;
import dev.linmem.bench.OptimizingRuntime;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;
import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
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

/** Item 5: memory.copy and memory.fill against System.arraycopy, Arrays.fill and MemorySegment.copy/fill. Scores are µs per operation. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BulkBenchmark {
    /** linmem kinds by {@link MemoryKind} name; JDK_ARRAY and JDK_SEGMENT are the baselines. */
    @Param({"STATIC_HEAP", "STATIC_NATIVE", "DYNAMIC_HEAP", "DYNAMIC_NATIVE", "JDK_ARRAY", "JDK_SEGMENT"})
    public String bulkImpl;

    @Param({"COPY", "FILL"})
    public String bulkOp;

    @Param({"4096", "1048576", "67108864"})
    public long bulkBytes;

    private Context context;
    private LinearMemory memory;
    private Arena arena;
    private RootCallTarget target;
    private int value;

    @Setup
    public void setUp() {
        context = OptimizingRuntime.enterContext();
        boolean copy = bulkOp.equals("COPY");
        BulkRoot root;
        switch (bulkImpl) {
            case "JDK_ARRAY" -> root = new BulkRoot.JdkArray(copy, bulkBytes);
            case "JDK_SEGMENT" -> {
                arena = Arena.ofShared();
                root = new BulkRoot.JdkSegment(copy, bulkBytes, arena.allocate(2 * bulkBytes, 64));
            }
            default -> {
                // exactly twice the operated length, rounded up to whole pages; static: size = maximum
                long pages = Math.max(1, 2 * bulkBytes / MemoryType.DEFAULT_PAGE_SIZE);
                memory = MemoryKind.valueOf(bulkImpl).create(MemoryType.of(pages, pages));
                root = new BulkRoot.Linmem(copy, bulkBytes, memory);
            }
        }
        target = root.getCallTarget();
    }

    @Benchmark
    public Object bulk() {
        return target.call(value++);
    }

    @TearDown
    public void tearDown() {
        if (memory != null) {
            memory.close();
        }
        if (arena != null) {
            arena.close();
        }
        OptimizingRuntime.leave(context);
    }
}
