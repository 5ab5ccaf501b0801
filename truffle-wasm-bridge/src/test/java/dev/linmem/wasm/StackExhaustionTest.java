package dev.linmem.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.oracle.truffle.api.Truffle;

import dev.linmem.wasm.language.WasmOptions;
import dev.linmem.wasm.nodes.CallDepth;

/**
 * A runaway recursion, as the first guest code of a fresh JVM, ends as a clean EXHAUSTION within
 * milliseconds, keeps memory bounded, and leaves the engine whole: the same instance runs again,
 * new call targets compile, a new engine compiles. Each case runs in a JVM of its own
 * ({@link StackExhaustionScenario} in a {@link ForkedJvm}), because the failure this guards against
 * poisoned the Truffle runtime for the life of the JVM (a class initializer that overflowed the
 * Java stack) and took seconds and gigabytes to unwind.
 *
 * <p>On the main thread and on new threads with the JVM's default stack (1 MiB), on a small stack
 * and on a large one, the call depth limit must be what stops the recursion, not the Java stack:
 * the message names the limit, which the thread's stack bounds. A host whose own frames already
 * fill its stack overflows first; that must end the same clean way.
 */
class StackExhaustionTest {
    /** A correctness bound, not a benchmark: the unwinds this replaces took seconds. */
    private static final long MAX_REPORT_MILLIS = 2_000;
    /** The JVM with the Graal compiler at work stays well under this; the failures reached 9 to 23 GB. */
    private static final long MAX_PEAK_RSS_KIB = 1_536 * 1024;
    /** Gives each child a fixed heap, so that a heap blow-up is an OutOfMemoryError rather than a slow machine. */
    private static final List<String> CHILD_JVM_ARGS = List.of("-Xmx512m");
    /** Compiling the large-frame function takes several seconds on a busy machine. */
    private static final Duration CHILD_TIME_LIMIT = Duration.ofMinutes(4);
    private static final Pattern LIMIT_REACHED = Pattern.compile(
                    "call stack exhausted: calling stack\\.\\S+( \\(its large frame counts as \\d+ calls\\))? would exceed the limit of (\\d+) nested calls (.*)");
    private static final Pattern STACK_BOUND = Pattern.compile("that the (\\d+) KiB stack of thread \"(main|guest)\" holds .*");

    @BeforeAll
    static void optimizingRuntime() {
        assertNotEquals("Interpreted", Truffle.getRuntime().getName(), "the children inherit this JVM's flags: they need the optimizing runtime");
    }

    static Stream<Arguments> limitReachedFirst() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String export : List.of("direct", "mutual", "indirect", "big")) {
            for (String mode : List.of("interpreted", "compiled")) {
                for (String thread : List.of("main", "thread")) {
                    cases.add(Arguments.of(export, mode, thread));
                }
            }
        }
        cases.add(Arguments.of("direct", "warm", "main"));
        cases.add(Arguments.of("indirect", "warm", "thread"));
        // A small stack: the limit is what 160 KiB holds.
        cases.add(Arguments.of("direct", "interpreted", "160"));
        cases.add(Arguments.of("mutual", "compiled", "160"));
        // A stack large enough for the default limit of 10,000.
        cases.add(Arguments.of("direct", "interpreted", "65536"));
        cases.add(Arguments.of("indirect", "compiled", "65536"));
        return cases.build();
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource
    void limitReachedFirst(String export, String mode, String thread) throws Exception {
        ForkedJvm.Result child = ForkedJvm.run(StackExhaustionScenario.class, CHILD_JVM_ARGS, CHILD_TIME_LIMIT, export, mode, thread);
        String message = assertCleanExhaustion(child, export, mode);
        Matcher limit = LIMIT_REACHED.matcher(message);
        assertTrue(limit.matches(), "the limit, not the Java stack, must stop the recursion:\n" + child.describe());
        int units = Integer.parseInt(limit.group(2));
        Matcher stack = STACK_BOUND.matcher(limit.group(3));
        if (stack.matches()) {
            assertEquals(CallDepth.unitsThatFit(Long.parseLong(stack.group(1)) * 1024), units, "the limit is what the stack holds\n" + child.describe());
            assertTrue(units < WasmOptions.DEFAULT_MAX_CALL_DEPTH, child.describe());
        } else {
            assertEquals("65536", thread, "only the 64 MiB stack holds the default limit:\n" + child.describe());
            assertEquals(WasmOptions.DEFAULT_MAX_CALL_DEPTH, units, child.describe());
            assertEquals("(option linmem-wasm.MaxCallDepth)", limit.group(3), child.describe());
        }
    }

    /**
     * The runaway call made from the bottom of the host's own recursion, 200 Java frames above the
     * end of a 1 MiB stack: the Java stack overflows long before the limit, inside the wasm calls,
     * inside the Truffle runtime, or before the first wasm frame. Without the warm-up of
     * {@code ExhaustionWarmUp}, overflows like these failed with {@code NoClassDefFoundError:
     * Could not initialize class OptimizedCallTarget$ReturnProfile} from then on.
     */
    @ParameterizedTest(name = "{0}, {1}, from a deep host stack")
    @MethodSource
    void javaStackOverflowFirst(String export, String mode) throws Exception {
        ForkedJvm.Result child = ForkedJvm.run(StackExhaustionScenario.class, CHILD_JVM_ARGS, CHILD_TIME_LIMIT, export, mode, "deep");
        String message = assertCleanExhaustion(child, export, mode);
        assertTrue(message.startsWith("call stack exhausted: the Java stack of thread \"guest\" overflowed "), child.describe());
    }

    static Stream<Arguments> javaStackOverflowFirst() {
        return Stream.of(Arguments.of("direct", "interpreted"), Arguments.of("mutual", "interpreted"), Arguments.of("big", "interpreted"),
                        Arguments.of("direct", "compiled"), Arguments.of("indirect", "compiled"), Arguments.of("big", "compiled"));
    }

    /** Checks everything but the message's reason, and returns the message. */
    private static String assertCleanExhaustion(ForkedJvm.Result child, String export, String mode) {
        assertEquals(0, child.exitCode(), child.describe());
        assertEquals("EXHAUSTION", child.value("KIND"), child.describe());
        String message = child.value("MESSAGE");
        assertNotNull(message, child.describe());
        long elapsed = Long.parseLong(child.value("ELAPSED_MS"));
        assertTrue(elapsed < MAX_REPORT_MILLIS, "reporting the exhaustion took " + elapsed + " ms\n" + child.describe());
        assertEquals("10", child.value("AFTER_CALL"), "the instance runs again on the same thread\n" + child.describe());
        assertEquals("10", child.value("FRESH_INSTANCE_CALL"), "a new instance in the same engine runs\n" + child.describe());
        if (mode.equals("compiled")) {
            assertEquals("true", child.value("FRESH_INSTANCE_COMPILED"), "a new instance's " + export + " compiles\n" + child.describe());
        }
        assertEquals("true", child.value("NEW_ENGINE_COMPILED"), "a new engine compiles\n" + child.describe());
        long peakRss = Long.parseLong(child.value("PEAK_RSS_KB"));
        assertTrue(peakRss < MAX_PEAK_RSS_KIB, "peak resident set " + peakRss + " KiB\n" + child.describe());
        return message;
    }
}
