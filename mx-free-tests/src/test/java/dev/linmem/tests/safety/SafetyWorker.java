package dev.linmem.tests.safety;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryTrap;
import dev.linmem.memory.MemoryType;
import dev.linmem.tests.safety.SafetyCase.Kind;
import dev.linmem.tests.safety.SafetyCase.Mode;
import dev.linmem.tests.safety.Shadow.Outcome;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmInstance;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The matrix's worker JVM: reads case ids from stdin (a file), runs each, and answers every one on stdout
 * with {@code @@ OK id} or {@code @@ FAIL id<TAB>why}. A case that kills the JVM never gets an
 * answer; the driver ({@link SafetyMatrixTest}) fails that case and starts a new worker for the
 * rest. One engine per memory kind serves the worker's cases; each case instantiates a module of
 * its own, so its call targets compile afresh.
 */
public final class SafetyWorker {
    static final String ANSWER = "@@ ";
    private static final long LOW_WRAPPED = 0xFFFF_FFF0L;
    private static final int ITERATIONS = 3;

    private final Mode mode;
    private final Map<Kind, WasmEngine> engines = new EnumMap<>(Kind.class);
    private final Map<Kind, ByteArrayOutputStream> traces = new EnumMap<>(Kind.class);
    private int instances;

    private SafetyWorker(Mode mode) {
        this.mode = mode;
    }

    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // nothing else may write the protocol stream
        Map<Mode, SafetyWorker> workers = new EnumMap<>(Mode.class);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.isEmpty();) {
            SafetyCase c = SafetyCase.parse(line);
            String failure;
            try {
                failure = workers.computeIfAbsent(c.mode(), SafetyWorker::new).run(c);
            } catch (Throwable t) {
                failure = "unexpected " + describe(t);
            }
            answers.println(ANSWER + (failure == null ? "OK " + line : "FAIL " + line + "\t" + failure.replace('\n', ' ')));
        }
        answers.println(ANSWER + "END");
    }

    /** A throwable and its causes, one line: what a failed case reports. */
    private static String describe(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            text.append(text.isEmpty() ? "" : " caused by ").append(e);
            if (e.getStackTrace().length > 0) {
                text.append(" at ").append(e.getStackTrace()[0]);
            }
        }
        return text.toString();
    }

    private WasmEngine engine(Kind kind) {
        return engines.computeIfAbsent(kind, k -> {
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            traces.put(k, trace);
            Map<String, String> options = new java.util.HashMap<>(mode.options);
            if (mode.compiles()) {
                options.put("engine.TraceCompilation", "true");
            }
            return WasmEngine.builder().allocator(k.allocator).options(options).logOutput(trace).build();
        });
    }

    /** Runs one case; returns null when it held, or what went wrong. */
    private String run(SafetyCase c) {
        try {
            new Run(c).run();
            return null;
        } catch (CaseFailure f) {
            return f.getMessage();
        }
    }

    private static final class CaseFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CaseFailure(String message) {
            super(message);
        }
    }

    /** The state of one case: its instance (or host memory), the oracle, and the steps of its shape. */
    private final class Run {
        private final SafetyCase c;
        private final Access access;
        private final String name = "c" + (instances++);
        private final WasmInstance instance;
        private final LinearMemory memory;
        private final Shadow shadow;
        private final long offset;
        private final int width;

        Run(SafetyCase c) {
            this.c = c;
            this.access = c.access();
            this.offset = access.staticOffset;
            this.width = access.width;
            long maximumPages = c.shape() == Shape.AFTER_MOVING_GROW && c.kind() == Kind.DYNAMIC_NATIVE ? 16400 : 16;
            if (access.isHost()) {
                instance = null;
                memory = c.kind().allocator.allocate(MemoryType.builder().minimumPages(1).maximumPages(maximumPages).index64(c.memory64()).build());
                memory.write(0, Shadow.ACTIVE_SEGMENT, 0, Shadow.ACTIVE_SEGMENT.length);
            } else {
                WasmEngine engine = engine(c.kind());
                instance = engine.instantiate(engine.decode(SafetyModule.build(access, c.memory64(), maximumPages), name));
                memory = instance.memory("mem");
            }
            shadow = new Shadow(memory.byteSize());
        }

        void run() {
            try {
                steps();
            } finally {
                if (access.isHost()) {
                    memory.close();
                }
            }
        }

        private void steps() {
            long size = shadow.byteSize();
            long lastInside = size - width - offset; // the highest address whose access fits
            switch (c.shape()) {
                case LOOP_INVARIANT -> {
                    warm("inv", 0);
                    calls("inv", ITERATIONS, LOW_WRAPPED, size, lastInside + 1, 1L << 31);
                    call("inv", 0, ITERATIONS);
                }
                case INDUCTION -> {
                    warm("ind", 0);
                    call("ind", size - 3L * width - offset, 8);
                    call("ind", 0, ITERATIONS);
                }
                case WRAP_2_32 -> {
                    warm("inv", 0);
                    for (long k = 1; k <= 16; k++) {
                        call("inv", (1L << 32) - k, ITERATIONS);
                    }
                }
                case NEAR_2_63 -> {
                    warm("inv", 0);
                    calls("inv", ITERATIONS, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 8, Long.MAX_VALUE - 7, Long.MIN_VALUE - width);
                }
                case NEAR_2_64 -> {
                    warm("inv", 0);
                    calls("inv", ITERATIONS, -1, -8, -16, -width, -(width + offset));
                }
                case EXACT_SIZE -> {
                    warm("inv", 0);
                    calls("inv", ITERATIONS, size, size - offset);
                }
                case STRADDLING_END -> {
                    warm("inv", 0);
                    call("inv", lastInside, ITERATIONS);
                    for (int d = 1; d < width; d++) {
                        call("inv", lastInside + d, ITERATIONS);
                    }
                }
                case AFTER_GROW -> {
                    warm("inv", 0);
                    grow(1);
                    warm("inv", 0);
                    long grown = shadow.byteSize();
                    calls("inv", ITERATIONS, size - offset, grown - offset, grown - width - offset + 1, LOW_WRAPPED);
                }
                case AFTER_MOVING_GROW -> {
                    warm("inv", 0);
                    long movesBefore = memory.statistics().moves();
                    grow(c.kind() == Kind.DYNAMIC_NATIVE ? 16385 : 3);
                    if (c.kind().isDynamic() && memory.statistics().moves() == movesBefore) {
                        throw new CaseFailure("the grow did not move the storage: " + memory.statistics());
                    }
                    warm("inv", 0);
                    long grown = shadow.byteSize();
                    calls("inv", ITERATIONS, 0, size - offset, grown - width - offset, grown - offset, grown - width - offset + 1, LOW_WRAPPED);
                }
                case ABOVE_MINIMUM -> {
                    grow(1);
                    warm("inv", size + 8 - offset);
                    long grown = shadow.byteSize();
                    calls("inv", ITERATIONS, grown - offset, grown - width - offset + 1, LOW_WRAPPED, 0);
                }
                case GENERIC -> {
                    for (int i = 0; i < 12; i++) {
                        warm("inv", 0);
                        grow(1);
                    }
                    warm("inv", 0);
                    long grown = shadow.byteSize();
                    calls("inv", ITERATIONS, grown - offset, grown - width - offset + 1, LOW_WRAPPED, size);
                }
                case AFTER_CLOSE -> {
                    warm("inv", 0);
                    memory.close();
                    shadow.closed();
                    calls("inv", ITERATIONS, 0, 8, lastInside);
                }
            }
        }

        /** Calls until the function's code is compiled (a compiling mode) or once (interpreted). */
        private void warm(String function, long address) {
            if (access.isHost()) {
                call(function, address, ITERATIONS);
                return;
            }
            String root = name + "." + function;
            int calls = mode == Mode.WARM_UP ? 60 : 1;
            for (int i = 0; i < calls; i++) {
                call(function, address, ITERATIONS);
            }
            if (mode.compiles() && !trace().contains(root)) {
                throw new CaseFailure(root + " was not compiled after " + calls + " calls: the case would not test compiled code");
            }
        }

        private String trace() {
            ByteArrayOutputStream trace = traces.get(c.kind());
            synchronized (trace) {
                return trace.toString(StandardCharsets.UTF_8);
            }
        }

        private void calls(String function, int iterations, long... addresses) {
            for (long address : addresses) {
                call(function, address, iterations);
            }
        }

        private void grow(long deltaPages) {
            long oldPages = shadow.byteSize() / Shadow.PAGE;
            long result;
            if (access.isHost()) {
                result = memory.grow(deltaPages);
            } else {
                Object[] r = instance.invoke("grow", c.memory64() ? (Object) deltaPages : (Object) (int) deltaPages);
                result = ((Number) r[0]).longValue();
            }
            if (result != oldPages) {
                throw new CaseFailure("grow(" + deltaPages + ") returned " + result + ", expected " + oldPages);
            }
            shadow.grownTo(shadow.byteSize() + deltaPages * Shadow.PAGE);
        }

        /** One call of {@code function(address, iterations)}: its result against the oracle's, then the memory's bytes. */
        private void call(String function, long address, int iterations) {
            long wasmAddress = c.memory64() ? address : address & 0xFFFF_FFFFL;
            Outcome expected = Outcome.value(0);
            boolean producesValue = !access.writes() || access.family == Access.Family.ATOMIC_RMW_ADD || access.family == Access.Family.ATOMIC_CMPXCHG;
            long step = function.equals("ind") ? width : 0;
            int performed = access.isHost() ? (step == 0 ? 1 : iterations) : iterations;
            for (int i = 0; i < performed; i++) {
                expected = shadow.apply(access, wasmAddress + i * step);
                if (expected.traps()) {
                    break;
                }
            }
            String what = function + "(0x" + Long.toHexString(wasmAddress) + ", " + iterations + ") on " + memory;
            Outcome actual = access.isHost() ? host(wasmAddress, step, performed) : guest(function, wasmAddress, iterations);
            if (expected.traps()) {
                if (!actual.traps() || !actual.trap().startsWith(expected.trap())) {
                    throw new CaseFailure(what + ": expected a trap \"" + expected.trap() + "\", got " + describe(actual));
                }
            } else if (actual.traps()) {
                throw new CaseFailure(what + ": expected " + expected.value() + ", got a trap: " + actual.trap());
            } else if (producesValue && actual.value() != expected.value()) {
                throw new CaseFailure(what + ": expected 0x" + Long.toHexString(expected.value()) + ", got 0x" + Long.toHexString(actual.value()));
            }
            verifyMemory(what);
        }

        private Outcome guest(String function, long address, int iterations) {
            try {
                Object[] result = instance.invoke(function, c.memory64() ? (Object) address : (Object) (int) address, iterations);
                return Outcome.value((Long) result[0]);
            } catch (WasmException e) {
                if (e.kind() != WasmException.Kind.TRAP) {
                    throw new CaseFailure("expected a trap or a value, got " + e.kind() + ": " + e.getMessage());
                }
                return Outcome.trap(e.getMessage());
            }
        }

        private Outcome host(long address, long step, int accesses) {
            long value = 0;
            try {
                for (int i = 0; i < accesses; i++) {
                    long at = address + i * step;
                    if (access == Access.HOST_READ) {
                        value = memory.readLong(at);
                    } else {
                        byte[] bytes = new byte[width];
                        Arrays.fill(bytes, (byte) Access.STORED_BYTE);
                        memory.write(at, bytes, 0, width);
                    }
                }
                return Outcome.value(value);
            } catch (MemoryTrap trap) {
                return Outcome.trap(trap.getMessage());
            }
        }

        private String describe(Outcome outcome) {
            return outcome.traps() ? "the trap \"" + outcome.trap() + "\"" : "the value 0x" + Long.toHexString(outcome.value());
        }

        /** The memory holds exactly the oracle's bytes: every page the oracle wrote, the first and the last. */
        private void verifyMemory(String after) {
            if (memory.isClosed()) {
                return;
            }
            if (memory.byteSize() != shadow.byteSize()) {
                throw new CaseFailure("after " + after + ": memory size " + memory.byteSize() + ", expected " + shadow.byteSize());
            }
            long pages = shadow.byteSize() / Shadow.PAGE;
            TreeSet<Long> check = new TreeSet<>(shadow.touchedPages().keySet());
            check.add(0L);
            check.add(pages - 1);
            byte[] actual = new byte[Shadow.PAGE];
            for (long page : check) {
                if (page >= pages) {
                    continue;
                }
                memory.read(page * Shadow.PAGE, actual, 0, Shadow.PAGE);
                for (int i = 0; i < Shadow.PAGE; i++) {
                    long address = page * Shadow.PAGE + i;
                    if (actual[i] != shadow.get(address)) {
                        throw new CaseFailure("after " + after + ": byte 0x" + Long.toHexString(address) + " is " + actual[i] + ", expected " + shadow.get(address));
                    }
                }
            }
        }
    }
}
