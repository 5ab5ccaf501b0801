package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmException.Kind;
import dev.linmem.wasm.language.WasmLanguage;
import dev.linmem.wasm.language.WasmOptions;
import dev.linmem.wasm.nodes.CallDepth;

/**
 * {@code linmem-wasm.MaxCallDepth} is exact: with a limit of L, L nested calls run and L + 1 fail
 * with EXHAUSTION before the extra call runs, whatever the shape of the recursion, interpreted or
 * compiled, and the count is back to zero afterwards. Large frames count once per 128 slots. A
 * thread's stack bounds its limit; on Java's default stack that still holds the spec suite's
 * deepest recursion. (What happens at the end of the JVM's stack, in fresh JVMs, is
 * {@link StackExhaustionTest}'s part.)
 */
class CallDepthLimitTest {
    private static final String LIMIT = "linmem-wasm.MaxCallDepth";
    private static final Map<String, String> INTERPRETED = Map.of("engine.Compilation", "false");
    private static final Map<String, String> COMPILED = Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                    "engine.MultiTier", "false", "engine.CompilationFailureAction", "Throw");

    private static WasmEngine engine(Map<String, String> mode, int limit) {
        Map<String, String> options = new HashMap<>(mode);
        options.put(LIMIT, Integer.toString(limit));
        return WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).options(options).build();
    }

    @ParameterizedTest(name = "{0}, interpreted")
    @ValueSource(strings = {"direct", "mutual", "indirect"})
    void theLimitIsExactInterpreted(String export) {
        assertLimitIsExact(INTERPRETED, export);
    }

    @ParameterizedTest(name = "{0}, compiled")
    @ValueSource(strings = {"direct", "mutual", "indirect"})
    void theLimitIsExactCompiled(String export) {
        assertLimitIsExact(COMPILED, export);
    }

    private static void assertLimitIsExact(Map<String, String> mode, String export) {
        int limit = 40;
        try (WasmEngine engine = engine(mode, limit)) {
            WasmInstance m = TestModules.instantiate(engine, "stack");
            assertEquals(limit - 1, one(m, export, limit - 1), "the limit's worth of nested calls runs");
            WasmException e = assertFails(Kind.EXHAUSTION, "call stack exhausted: calling stack.", () -> m.invoke(export, limit));
            assertTrue(e.getMessage().contains("would exceed the limit of 40 nested calls (option linmem-wasm.MaxCallDepth)"), e.getMessage());
            assertEquals(limit - 1, one(m, export, limit - 1), "the count is back to zero after an exhaustion");
            assertFails(Kind.EXHAUSTION, "call stack exhausted", () -> m.invoke(export, -1));
            assertEquals(limit - 1, one(m, export, limit - 1), "and after a runaway recursion");
        }
    }

    /** big has 250 i64 locals: its frame is 2 units (1 + slots / 128), so a limit of 20 runs 10 calls of it, not 11. */
    @ParameterizedTest(name = "compiled: {0}")
    @ValueSource(booleans = {false, true})
    void largeFramesCountOncePer128Slots(boolean compiled) {
        try (WasmEngine engine = engine(compiled ? COMPILED : INTERPRETED, 20)) {
            WasmInstance m = TestModules.instantiate(engine, "stack");
            assertEquals(9, one(m, "big", 9));
            WasmException e = assertFails(Kind.EXHAUSTION, "call stack exhausted: calling stack.big (its large frame counts as 2 calls)", () -> m.invoke("big", 10));
            assertTrue(e.getMessage().contains("limit of 20"), e.getMessage());
            assertEquals(9, one(m, "big", 9));
        }
    }

    @Test
    void onAStackLargeEnoughTheDefaultLimitApplies() throws Exception {
        int limit = WasmOptions.DEFAULT_MAX_CALL_DEPTH;
        onThreadWithStack(64L << 20, () -> {
            try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).options(INTERPRETED).build()) {
                WasmInstance m = TestModules.instantiate(engine, "stack");
                assertEquals(limit - 1, one(m, "direct", limit - 1));
                WasmException e = assertFails(Kind.EXHAUSTION, "call stack exhausted: calling stack.direct would exceed the limit of " + limit
                                + " nested calls (option linmem-wasm.MaxCallDepth)", () -> m.invoke("direct", limit));
                assertTrue(e.getCause() != null, "the guest exception is kept as the cause");
            }
        });
    }

    /** Java's default stack, 1 MiB, holds 412 units: that is the limit there, and it holds the spec suite's deepest recursion. */
    @Test
    void aThreadsStackBoundsItsLimit() throws Exception {
        int fits = CallDepth.unitsThatFit(1L << 20);
        assertEquals(412, fits);
        onThreadWithStack(1L << 20, () -> {
            try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).build()) {
                WasmInstance m = TestModules.instantiate(engine, "stack");
                assertEquals(200, one(m, "mutual", 200), "call.wast: odd 200");
                assertEquals(fits - 1, one(m, "direct", fits - 1));
                WasmException e = assertFails(Kind.EXHAUSTION, "call stack exhausted: calling stack.direct would exceed the limit of 412 nested calls"
                                + " that the 1024 KiB stack of thread \"small\" holds (a stack of 23 MiB holds linmem-wasm.MaxCallDepth, 10000)",
                                () -> m.invoke("direct", fits));
                assertTrue(e.getMessage().endsWith(")"), e.getMessage());
            }
        });
    }

    @Test
    void theStackBoundIsTwoThirdsOfTheStackBeyondTheGuardZones() {
        assertEquals(1, CallDepth.unitsThatFit(96 * 1024), "nothing beyond the guard zones still allows a call");
        assertEquals(71, CallDepth.unitsThatFit(256 * 1024));
        assertEquals(29_084, CallDepth.unitsThatFit(64L << 20));
        assertEquals(Integer.MAX_VALUE, CallDepth.unitsThatFit(Long.MAX_VALUE));
    }

    /** Runs {@code body} on a new thread named "small" with a stack of {@code bytes}; rethrows what it throws. */
    private static void onThreadWithStack(long bytes, Runnable body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small", bytes);
        thread.start();
        thread.join();
        if (failure.get() instanceof Error error) {
            throw error;
        } else if (failure.get() instanceof Exception exception) {
            throw exception;
        }
    }

    @Test
    void eachThreadCountsItsOwnCalls() throws InterruptedException {
        try (WasmEngine engine = engine(INTERPRETED, 30)) {
            WasmInstance m = TestModules.instantiate(engine, "stack");
            AtomicReference<Object> other = new AtomicReference<>();
            assertFails(Kind.EXHAUSTION, "call stack exhausted", () -> m.invoke("direct", -1));
            Thread thread = new Thread(() -> {
                try {
                    other.set(one(m, "direct", 29));
                } catch (Throwable t) {
                    other.set(t);
                }
            });
            thread.start();
            thread.join();
            assertEquals(29, other.get(), "a thread starts from zero, whatever another thread exhausted");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "ten", "1073741825"})
    void anInvalidLimitIsRefusedWhenTheEngineIsCreated(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).options(Map.of(LIMIT, value)).build());
        assertTrue(e.getMessage().contains("linmem-wasm.MaxCallDepth"), e.getMessage());
    }

    @Test
    void aPolyglotHostSeesAGuestExceptionAndCanCallAgain() {
        try (Context context = Context.newBuilder(WasmLanguage.ID).option(LIMIT, "25").build()) {
            Source source = Source.newBuilder(WasmLanguage.ID, ByteSequence.create(TestModules.bytes("stack")), "stack.wasm").buildLiteral();
            Value direct = context.eval(source).newInstance().getMember("exports").getMember("direct");
            PolyglotException e = assertThrows(PolyglotException.class, () -> direct.execute(-1));
            assertTrue(e.isGuestException() && e.getMessage().startsWith("call stack exhausted"), e.getMessage());
            assertEquals(24, direct.execute(24).asInt());
        }
    }
}
