package dev.linmem.fuzz.linmem;

import java.util.List;

import dev.linmem.fuzz.transcript.ValueText;
import dev.linmem.wasm.module.ValType;

/**
 * The semantics of binaryen's {@code fuzzing-support} imports, as linmem's fuzzer provides them;
 * the V8 harness ({@code src/main/js/v8-harness.js}) implements the same semantics in JavaScript.
 * Values are in the bridge's internal representation (numbers as Long raw bits, i32
 * sign-extended).
 *
 * <ul>
 * <li>{@code log-i32/i64/f32/f64(v)}: appends {@code log VALUE} to the transcript.</li>
 * <li>{@code call-export(index, flags)}: calls the function exported at position {@code index}
 * (unsigned) of the module's export list with zero arguments and drops its results; a host
 * exception when there is no function export there. Binaryen's flags bit 0 asks to catch and
 * rethrow, which, with nothing in between, is the same as not catching: flags are ignored.</li>
 * <li>{@code call-export-catch(index)}: the same, returning 0, or 1 when a host exception ended the
 * call; traps and stack exhaustion are not caught.</li>
 * <li>{@code call-ref(ref, flags)}, {@code call-ref-catch(ref)}: the same for a function reference
 * (null is a host exception).</li>
 * <li>{@code table-get(index)}, {@code table-set(index, ref)}: element {@code index} (unsigned) of
 * the table exported as {@code table}; a host exception when there is no such export or the index
 * is out of range.</li>
 * <li>{@code sleep(ms, id)}: returns {@code id} (the harness has no JSPI, so nothing sleeps).</li>
 * </ul>
 * Binaryen's {@code throw}, {@code log-v128} and JSPI imports need features the fuzzer turns
 * off (exception handling, SIMD), so they are not provided: a module asking for them is
 * unlinkable in both engines.
 */
public final class FuzzingSupport {
    /** What the fuzzing-support functions reach in the instance under test. */
    public interface Guest {
        /**
         * Calls the function exported at {@code index} with zero arguments; HostException when
         * there is none, or when the instance does not exist yet (a start function's call: V8's
         * harness has no exports then either).
         */
        void callExport(long index);

        /** Calls a function reference with zero arguments (also from a start function); HostException when it is null. */
        void callReference(Object reference);

        /** Element {@code index} of the table exported as {@code table}; HostException when there is none (yet). */
        Object tableGet(long index);

        void tableSet(long index, Object value);
    }

    /** The names provided; a module importing another name from {@code fuzzing-support} is unlinkable. */
    public static final List<String> NAMES = List.of("log-i32", "log-i64", "log-f32", "log-f64", "call-export", "call-export-catch",
                    "call-ref", "call-ref-catch", "table-get", "table-set", "sleep");

    /**
     * Most events a transcript holds: a guest that logs in an endless loop (a malformed module can)
     * must not fill the worker's heap. Binaryen's modules stay far below (their hang limit).
     */
    public static final int MAX_EVENTS = 200_000;

    /** Thrown (past every guest handler: it is not a Truffle exception) when a transcript is full. */
    public static final class TranscriptFull extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TranscriptFull() {
            super("the transcript reached " + MAX_EVENTS + " events");
        }
    }

    private final List<String> events;
    private final Guest guest;

    /** Logged values are appended to {@code events}, the transcript's event list; calls and table accesses go to {@code guest}. */
    public FuzzingSupport(List<String> events, Guest guest) {
        this.events = events;
        this.guest = guest;
    }

    /** Runs the import {@code name} with internal arguments; returns null (no result) or its result. */
    public Object call(String name, Object[] args) {
        return switch (name) {
            case "log-i32" -> log(ValType.I32, args[0]);
            case "log-i64" -> log(ValType.I64, args[0]);
            case "log-f32" -> log(ValType.F32, args[0]);
            case "log-f64" -> log(ValType.F64, args[0]);
            case "call-export" -> {
                guest.callExport(unsigned(args[0]));
                yield null;
            }
            case "call-export-catch" -> catching(() -> guest.callExport(unsigned(args[0])));
            case "call-ref" -> {
                guest.callReference(args[0]);
                yield null;
            }
            case "call-ref-catch" -> catching(() -> guest.callReference(args[0]));
            case "table-get" -> guest.tableGet(unsigned(args[0]));
            case "table-set" -> {
                guest.tableSet(unsigned(args[0]), args[1]);
                yield null;
            }
            case "sleep" -> args[1];
            default -> throw new IllegalArgumentException("not a fuzzing-support function: " + name);
        };
    }

    private Object log(ValType type, Object value) {
        if (events.size() >= MAX_EVENTS) {
            throw new TranscriptFull();
        }
        events.add("log " + ValueText.of(type, value));
        return null;
    }

    /** 0 when {@code call} returns, 1 when a host exception ends it; traps pass through. */
    private static Object catching(Runnable call) {
        try {
            call.run();
            return 0L;
        } catch (HostException e) {
            return 1L;
        }
    }

    private static long unsigned(Object i32) {
        return Integer.toUnsignedLong((int) (long) (Long) i32);
    }
}
