package dev.linmem.bench.access;

import com.oracle.truffle.api.RootCallTarget;
import dev.linmem.bench.MemoryKind;
import dev.linmem.bench.OptimizingRuntime;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Item 1: compiled loads and stores of linmem's nodes against hand-written Java over the same
 * kind of storage, all inside Truffle roots compiled by the same Graal compiler. Scores are
 * nanoseconds per single access.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AccessBenchmark {
    /**
     * linmem kinds by their {@link MemoryKind} name; SHARED_ before a static kind makes its memory
     * shared (non-atomic accesses to shared memories must compile like unshared ones); baselines
     * prefixed RAW_.
     */
    @Param({"STATIC_HEAP", "STATIC_NATIVE", "DYNAMIC_HEAP", "DYNAMIC_NATIVE", "SHARED_STATIC_HEAP", "SHARED_STATIC_NATIVE",
                    "RAW_VARHANDLE", "RAW_BYTE_ARRAY_SUPPORT", "RAW_UNSAFE", "RAW_SEGMENT"})
    public String storage;

    @Param({"SEQ_LOAD_I32", "SEQ_STORE_I32", "SEQ_LOAD_I64", "SEQ_STORE_I64", "RAND_LOAD_I32", "RAND_STORE_I32", "RAND_LOAD_I64", "RAND_STORE_I64", "CONST_ADDRESS"})
    public String op;

    private Context context;
    private LinearMemory memory;
    private RawStorage raw;
    private RootCallTarget target;
    private int seed;

    @Setup
    public void setUp() {
        context = OptimizingRuntime.enterContext();
        AccessOp accessOp = AccessOp.valueOf(op);
        int bytes = AccessLoopRoot.REGION_BYTES;
        AccessLoopRoot root;
        if (storage.startsWith("RAW_")) {
            raw = switch (storage) {
                case "RAW_VARHANDLE" -> new RawStorage.VarHandleArray(bytes);
                case "RAW_BYTE_ARRAY_SUPPORT" -> new RawStorage.TruffleByteArray(bytes);
                case "RAW_UNSAFE" -> new RawStorage.UnsafeNative(bytes);
                case "RAW_SEGMENT" -> new RawStorage.SegmentNative(bytes);
                default -> throw new IllegalArgumentException(storage);
            };
            root = new RawAccessRoot(accessOp, raw);
        } else {
            // 16 pages, the region, as minimum; a maximum of 256 pages as a typical module declares
            boolean shared = storage.startsWith("SHARED_");
            MemoryType type = MemoryType.builder().minimumPages(bytes / MemoryType.DEFAULT_PAGE_SIZE).maximumPages(256).shared(shared).build();
            memory = MemoryKind.valueOf(storage.replace("SHARED_", "")).create(type);
            root = new LinmemAccessRoot(accessOp, memory);
        }
        target = root.getCallTarget();
    }

    @Benchmark
    @OperationsPerInvocation(AccessLoopRoot.ACCESSES)
    public Object access() {
        return target.call(seed++);
    }

    @TearDown
    public void tearDown() {
        if (memory != null) {
            memory.close();
        }
        if (raw != null) {
            raw.close();
        }
        OptimizingRuntime.leave(context);
    }
}
