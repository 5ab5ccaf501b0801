package dev.linmem.bench.grow;

import com.oracle.truffle.api.RootCallTarget;
import dev.linmem.bench.MemoryKind;
import dev.linmem.bench.OptimizingRuntime;
import dev.linmem.bench.Sidecar;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/**
 * Item 3b: a grow inside a hot compiled loop, and the time until the loop runs at full compiled
 * speed again. Each measured iteration is one grow (JMH's raw data keeps them in order, so the
 * n-th score is the n-th grow); its time runs from the call that grows until the median of the
 * last {@link #WINDOW} calls is within {@link #FULL_SPEED} of the median before any grow. The
 * invalidations and compilations each grow caused go to grow-recovery-KIND.json: linmem stops
 * renewing a memory's assumptions after a bound, so later grows must cost neither.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 14, batchSize = 1)
@Fork(1)
public class GrowRecoveryBenchmark {
    static final int WINDOW = 21;
    static final double FULL_SPEED = 1.10;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(20);

    @Param({"STATIC_HEAP", "STATIC_NATIVE", "DYNAMIC_HEAP", "DYNAMIC_NATIVE"})
    public String recoveryKind;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<GrowEvent> events = new ArrayList<>();
    private Context context;
    private LinearMemory memory;
    private RootCallTarget target;
    private long baselineNanos;

    /** One grow: how long and how many calls until full speed, and what it cost the compiler. */
    public record GrowEvent(int grow, long recoveryNanos, int calls, boolean recovered, long invalidations, long compilations, long baselineCallNanos) {
    }

    @Setup
    public void setUp() {
        OptimizingRuntime.require();
        context = Context.newBuilder().allowExperimentalOptions(true)
                        .option("engine.TraceCompilation", "true")
                        .logHandler(log).build();
        context.enter();
        // 1 page to 4096: a static memory reserves 256 MiB (heap: allocates it)
        memory = MemoryKind.valueOf(recoveryKind).create(MemoryType.of(1, recoveryKind.equals("STATIC_HEAP") ? 1024 : 4096));
        target = new HotLoopRoot(memory).getCallTarget();
        for (int i = 0; i < 30_000; i++) {
            target.call(false);
        }
        baselineNanos = medianCall(201);
    }

    @Benchmark
    public int growThenRecover() {
        long invalidationsBefore = memory.statistics().invalidations();
        long compilationsBefore = compilations();
        long start = System.nanoTime();
        target.call(true);
        long[] window = new long[WINDOW];
        int calls = 0;
        boolean recovered = false;
        while (System.nanoTime() - start < GIVE_UP_NANOS) {
            window[calls++ % WINDOW] = timedCall();
            if (calls >= WINDOW && median(window) <= FULL_SPEED * baselineNanos) {
                recovered = true;
                break;
            }
        }
        events.add(new GrowEvent(events.size() + 1, System.nanoTime() - start, calls, recovered,
                        memory.statistics().invalidations() - invalidationsBefore, compilations() - compilationsBefore, baselineNanos));
        return calls;
    }

    @TearDown
    public void tearDown() {
        Sidecar.write("grow-recovery-" + recoveryKind + ".json", events);
        memory.close();
        context.leave();
        context.close();
    }

    private long timedCall() {
        long t = System.nanoTime();
        target.call(false);
        return System.nanoTime() - t;
    }

    private long medianCall(int n) {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = timedCall();
        }
        return median(times);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private long compilations() {
        return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("opt done")).count();
    }
}
