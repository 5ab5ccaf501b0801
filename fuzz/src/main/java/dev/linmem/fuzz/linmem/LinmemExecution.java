package dev.linmem.fuzz.linmem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.fuzz.transcript.Transcript;
import dev.linmem.fuzz.transcript.TrapCategory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.module.ExternalKind;

/**
 * Runs one module in linmem the way the V8 harness runs it in V8 and writes the same transcript:
 * decode, instantiate with the fuzzing-support imports, call every exported function with zero
 * arguments in export order, {@code rounds} times, then record the exported globals, tables and
 * memories.
 *
 * <p>Outcomes a module may legitimately have (rejection, failed linking, traps, host exceptions,
 * stack exhaustion) are transcript entries. Anything else linmem throws is not caught here: the
 * worker reports it as a failure of the engine.
 */
public final class LinmemExecution {
    /** Thrown instead of whatever the cancelled guest threw when the time budget ran out, or when the transcript is full. */
    public static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded(String message) {
            super(message);
        }
    }

    private final MemoryKind memoryKind;
    private final ExecutionMode mode;
    private final AtomicReference<LinmemHost> running = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Counts the compilations the engine traces ({@code engine.TraceCompilation} in the compiling modes). */
    private final CompilationCounter compilationLog = new CompilationCounter();
    /** What the guest thread is doing, for the message of a cancelled run. */
    private volatile String phase = "starting";

    public LinmemExecution(MemoryKind memoryKind, ExecutionMode mode) {
        this.memoryKind = memoryKind;
        this.mode = mode;
    }

    /**
     * Stops the running guest from another thread (the worker's watchdog): its context is
     * cancelled and {@link #run} throws {@link BudgetExceeded}.
     */
    public void cancel() {
        cancelled.set(true);
        LinmemHost host = running.get();
        if (host != null) {
            host.cancel();
        }
    }

    /** How many call targets the optimizing runtime compiled during {@link #run}. */
    public int compilations() {
        return compilationLog.compilations();
    }

    /** The trace line of the first compilation that failed during {@link #run}, or null when none did. */
    public String compilationFailure() {
        return compilationLog.failures() == 0 ? null : compilationLog.failures() + " failed, first: " + compilationLog.firstFailure();
    }

    /** Runs {@code bytes}; memory images go to {@code dumps} (null: not written). */
    public Transcript run(byte[] bytes, Path dumps) {
        List<String> events = new ArrayList<>();
        LinmemHost host = new LinmemHost(memoryKind.allocator(), mode.options(), compilationLog);
        running.set(host);
        if (cancelled.get()) {
            host.cancel();
        }
        try {
            host.enter();
            try {
                return runEntered(host, bytes, events, dumps);
            } finally {
                // Also after a cancel: the cancelling close waits for this thread to leave.
                host.leave();
            }
        } catch (FuzzingSupport.TranscriptFull full) {
            // A guest logging without end is stopped like one running without end.
            throw new BudgetExceeded("stopped while " + phase + ": " + full.getMessage());
        } catch (RuntimeException | Error e) {
            if (cancelled.get()) {
                throw new BudgetExceeded("time budget exceeded while " + phase + ", after " + events.size() + " events");
            }
            throw e;
        } finally {
            running.set(null);
            closeUnlessCancelled(host);
        }
    }

    private Transcript runEntered(LinmemHost host, byte[] bytes, List<String> events, Path dumps) {
        FuzzingSupport support = new FuzzingSupport(events, host);
        phase = "decoding";
        try {
            host.decode(bytes);
        } catch (WasmException e) {
            return failedInstantiation(outcomeOf(e), e, events);
        }
        phase = "instantiating";
        try {
            host.instantiate(support);
        } catch (WasmException | AbstractTruffleException | StackOverflowError e) {
            return failedInstantiation(outcomeOf(e), e, events);
        }
        for (int round = 0; round < mode.rounds(); round++) {
            for (Export export : host.exports()) {
                if (export.kind() != ExternalKind.FUNCTION) {
                    continue;
                }
                events.add("call " + export.name());
                phase = "calling " + export.name();
                try {
                    List<String> results = host.invokeWithZeros(export);
                    events.add(("result " + export.name() + " " + String.join(" ", results)).strip());
                } catch (AbstractTruffleException | StackOverflowError e) {
                    events.add(outcomeOf(e) + " " + export.name());
                }
            }
        }
        phase = "reading the final state";
        return new Transcript("ok", "", events, finalState(host, dumps));
    }

    private static Transcript failedInstantiation(String outcome, Throwable e, List<String> events) {
        return new Transcript(outcome, String.valueOf(e.getMessage()), events, List.of());
    }

    /** How a failure is written in the transcript; rethrows what no correct run may throw. */
    static String outcomeOf(Throwable e) {
        if (e instanceof StackOverflowError || isExhaustion(e.getMessage())) {
            return "exhausted";
        }
        if (e instanceof HostException) {
            return "exception";
        }
        if (e instanceof WasmException w) {
            return switch (w.kind()) {
                case MALFORMED, INVALID -> "rejected";
                case UNLINKABLE -> "unlinkable";
                case TRAP -> "trap " + TrapCategory.ofLinmemMessage(w.getMessage());
                case EXHAUSTION -> "exhausted";
                // a module binaryen made with a feature linmem does not claim: counted apart, never a verdict on linmem
                case UNSUPPORTED -> "unsupported";
                case RESOURCE_LIMIT -> "exhausted"; // as V8 reports an allocation it cannot make
            };
        }
        if (e instanceof AbstractTruffleException) {
            return "trap " + TrapCategory.ofLinmemMessage(e.getMessage());
        }
        throw new IllegalStateException("not a guest outcome", e);
    }

    private static boolean isExhaustion(String message) {
        return message != null && message.startsWith("call stack exhausted");
    }

    private static List<String> finalState(LinmemHost host, Path dumps) {
        List<String> state = new ArrayList<>();
        List<Export> exports = host.exports();
        for (int i = 0; i < exports.size(); i++) {
            Export export = exports.get(i);
            String line = host.finalStateOf(export);
            if (line != null) {
                state.add(line);
            }
            LinearMemory memory = host.memory(export);
            if (memory != null) {
                state.add("memory " + export.name() + " bytes=" + memory.byteSize());
                if (dumps != null) {
                    dump(memory, dumps.resolve(Transcript.memoryDumpName(i)));
                }
            }
        }
        return state;
    }

    private static void dump(LinearMemory memory, Path file) {
        byte[] bytes = new byte[Math.toIntExact(memory.byteSize())];
        memory.read(0, bytes, 0, bytes.length);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cancelled context is closed by the thread that cancelled it. */
    private void closeUnlessCancelled(LinmemHost host) {
        if (!cancelled.get()) {
            host.close();
        }
    }
}
