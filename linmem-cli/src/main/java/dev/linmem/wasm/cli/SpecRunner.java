package dev.linmem.wasm.cli;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.binary.WasmFeatures;
import dev.linmem.wasm.host.SpectestModule;
import dev.linmem.wasm.module.WasmModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the commands of one {@link SpecScript} in order on a fresh {@link WasmEngine} whose
 * module-defined memories come from the given allocator. Used by the JUnit spec suites (one
 * dynamic test per command) and by {@code bin/linmem spectest}, so both judge alike.
 *
 * <p>Commands share state: the most recent module, named modules, registrations. A module
 * that fails to load is remembered as failed, so the commands that use it fail with the
 * reason instead of running against an older module or crashing the script.
 *
 * <p>Errors and traps are compared as the reference interpreter does: assertions on modules
 * by {@link WasmException.Kind}, traps and exhaustion also by message prefix.
 */
public final class SpecRunner implements AutoCloseable {

    /**
     * An instance, or why the module that should have made it did not load; {@code skipped} when
     * that module was in the text format, so the commands on it are skipped too, not failed.
     */
    private record Loaded(WasmInstance instance, String failure, boolean skipped) {
        Loaded(WasmInstance instance, String failure) {
            this(instance, failure, false);
        }
    }

    /** A command that cannot run because of the script's state (a module that failed to load). */
    private static final class CommandFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean skip;

        CommandFailure(String message, boolean skip) {
            super(message, null, false, false);
            this.skip = skip;
        }

        CommandFailure(String message) {
            this(message, false);
        }
    }

    private final SpecScript script;
    private final RecordingAllocator allocator;
    private final WasmFeatures features;
    private final Map<String, String> engineOptions;
    private final OutputStream engineLog;
    private final Map<String, Loaded> named = new HashMap<>();
    private WasmEngine engine;
    private Loaded current;

    /** A runner for scripts that expect every feature linmem supports (the core suite). */
    public SpecRunner(SpecScript script, MemoryAllocator allocator) {
        this(script, allocator, WasmFeatures.ALL);
    }

    /**
     * A runner decoding with {@code features}: suites written before a feature merged expect
     * its modules to be invalid (the threads proposal's: {@link WasmFeatures#THREADS_PROPOSAL}).
     */
    public SpecRunner(SpecScript script, MemoryAllocator allocator, WasmFeatures features) {
        this(script, allocator, features, Map.of(), null);
    }

    /**
     * As above, with polyglot {@code engineOptions} for every engine the script creates (for
     * example {@code engine.CompileImmediately=true}, to run the script as compiled code) and the
     * engines' log (compilation traces) written to {@code engineLog}, or stderr when null.
     */
    public SpecRunner(SpecScript script, MemoryAllocator allocator, WasmFeatures features, Map<String, String> engineOptions,
                      OutputStream engineLog) {
        this.script = script;
        this.allocator = new RecordingAllocator(allocator);
        this.features = features;
        this.engineOptions = Map.copyOf(engineOptions);
        this.engineLog = engineLog;
    }

    /** Runs every command; the outcomes are in command order. */
    public List<SpecOutcome> runAll() {
        List<SpecOutcome> outcomes = new ArrayList<>(script.commands().size());
        for (SpecCommand command : script.commands()) {
            outcomes.add(execute(command));
        }
        return outcomes;
    }

    /** Runs one command; call in script order. Never throws for a failing engine. */
    public SpecOutcome execute(SpecCommand command) {
        try {
            return dispatch(command);
        } catch (SpecValue.UnsupportedValueException e) {
            return SpecOutcome.skipped(e.getMessage());
        } catch (CommandFailure e) {
            return e.skip ? SpecOutcome.skipped(e.getMessage()) : SpecOutcome.failed(e.getMessage());
        } catch (WasmException e) {
            return SpecOutcome.failed("unexpected " + describe(e));
        } catch (Exception | Error e) {
            // An engine bug in one command must not take the rest of the script with it; Errors too
            // (a stack overflow, a missing generated class, an allocation too large for the heap).
            return SpecOutcome.failed(unexpected(e));
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        allocator.close();
    }

    private SpecOutcome dispatch(SpecCommand c) throws IOException {
        return switch (c.type()) {
            case "module" -> module(c);
            case "register" -> register(c);
            case "action" -> action(c);
            case "assert_return" -> assertReturn(c);
            case "assert_trap" -> c.action() != null
                    ? assertActionFails(c, WasmException.Kind.TRAP)
                    : assertModuleFails(c, WasmException.Kind.TRAP);
            case "assert_exhaustion" -> assertActionFails(c, WasmException.Kind.EXHAUSTION);
            case "assert_invalid" -> assertModuleFails(c, WasmException.Kind.INVALID);
            case "assert_malformed" -> assertModuleFails(c, WasmException.Kind.MALFORMED);
            case "assert_unlinkable" -> assertModuleFails(c, WasmException.Kind.UNLINKABLE);
            case "assert_uninstantiable" -> assertModuleFails(c, WasmException.Kind.TRAP);
            default -> SpecOutcome.failed("unknown command type " + c.type());
        };
    }

    private SpecOutcome module(SpecCommand c) throws IOException {
        if (c.isTextModule()) {
            String reason = "text-format module " + c.filename() + ": the engine reads binaries only";
            if (!c.definition()) {
                current = new Loaded(null, reason, true);
                if (c.name() != null) {
                    named.put(c.name(), current);
                }
            }
            return SpecOutcome.skipped(reason);
        }
        Loaded loaded;
        try {
            WasmModule module = decode(c);
            if (c.definition()) {
                // A module definition is only validated (one declares 65,536 pages); it makes no instance.
                return SpecOutcome.PASSED;
            }
            loaded = new Loaded(engine().instantiate(module), null);
        } catch (WasmException e) {
            loaded = new Loaded(null, "module " + c.filename() + " at line " + c.line() + " failed to load: " + describe(e));
        } catch (Exception | Error e) {
            // Still replaces the current module: later commands must not run against an older one.
            loaded = new Loaded(null, "module " + c.filename() + " at line " + c.line() + " failed to load: " + unexpected(e));
        }
        if (!c.definition()) {
            current = loaded;
            if (c.name() != null) {
                named.put(c.name(), loaded);
            }
        }
        return loaded.failure == null ? SpecOutcome.PASSED : SpecOutcome.failed(loaded.failure);
    }

    private SpecOutcome register(SpecCommand c) {
        Loaded target = c.name() == null ? current : named.get(c.name());
        if (target != null && target.skipped) {
            return SpecOutcome.skipped(target.failure);
        }
        if (target == null || target.failure != null) {
            return SpecOutcome.failed("cannot register " + (c.name() == null ? "the current module" : c.name())
                    + ": " + (target == null ? "no such module" : target.failure));
        }
        engine().register(c.as(), target.instance);
        return SpecOutcome.PASSED;
    }

    private SpecOutcome action(SpecCommand c) {
        perform(c.action());
        return SpecOutcome.PASSED;
    }

    private SpecOutcome assertReturn(SpecCommand c) {
        c.expected().forEach(SpecValue::checkSupported);
        Object[] results = perform(c.action());
        List<SpecValue> expected = c.expected();
        boolean same = results.length == expected.size();
        for (int i = 0; same && i < results.length; i++) {
            same = expected.get(i).matches(results[i]);
        }
        if (same) {
            return SpecOutcome.PASSED;
        }
        List<String> actual = new ArrayList<>();
        for (Object r : results) {
            actual.add(SpecValue.describe(r));
        }
        return SpecOutcome.failed(c.action() + ": expected " + expected + ", got " + actual);
    }

    private SpecOutcome assertActionFails(SpecCommand c, WasmException.Kind kind) {
        Object[] results;
        try {
            results = perform(c.action());
        } catch (WasmException e) {
            return judge(c, kind, e);
        }
        List<String> actual = new ArrayList<>();
        for (Object r : results) {
            actual.add(SpecValue.describe(r));
        }
        return SpecOutcome.failed(c.action() + ": expected " + kind + " \"" + c.text() + "\", returned " + actual);
    }

    private SpecOutcome assertModuleFails(SpecCommand c, WasmException.Kind kind) throws IOException {
        if (c.isTextModule()) {
            return SpecOutcome.skipped("text-format module " + c.filename() + ": the engine reads binaries only");
        }
        try {
            WasmModule module = decode(c);
            if (kind == WasmException.Kind.MALFORMED || kind == WasmException.Kind.INVALID) {
                return SpecOutcome.failed(c.filename() + " decoded and validated; expected " + kind + " \"" + c.text() + "\"");
            }
            engine().instantiate(module);
            return SpecOutcome.failed(c.filename() + " instantiated; expected " + kind + " \"" + c.text() + "\"");
        } catch (WasmException e) {
            return judge(c, kind, e);
        }
    }

    /** Kind must match; for traps the message must start with the spec's text, as in the reference interpreter. */
    private static SpecOutcome judge(SpecCommand c, WasmException.Kind kind, WasmException e) {
        boolean byMessage = kind == WasmException.Kind.TRAP || kind == WasmException.Kind.EXHAUSTION;
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.kind() == kind && (!byMessage || c.text() == null || message.startsWith(c.text()))) {
            return SpecOutcome.PASSED;
        }
        String what = c.action() != null ? c.action().toString() : c.filename();
        return SpecOutcome.failed(what + ": expected " + kind + " \"" + c.text() + "\", got " + describe(e));
    }

    private Object[] perform(SpecCommand.Action action) {
        WasmInstance instance = instance(action.module());
        if ("get".equals(action.type())) {
            return new Object[] {instance.global(action.field())};
        }
        if (!"invoke".equals(action.type())) {
            throw new CommandFailure("unknown action type " + action.type());
        }
        Object[] args = new Object[action.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = action.args().get(i).toArgument();
        }
        return instance.invoke(action.field(), args);
    }

    private WasmInstance instance(String name) {
        Loaded loaded = name == null ? current : named.get(name);
        if (loaded == null) {
            throw new CommandFailure(name == null ? "no module instantiated yet" : "no module named " + name);
        }
        if (loaded.failure != null) {
            throw new CommandFailure(loaded.failure, loaded.skipped);
        }
        return loaded.instance;
    }

    private WasmModule decode(SpecCommand c) throws IOException {
        byte[] bytes = Files.readAllBytes(script.moduleFile(c));
        return engine().decode(bytes, c.filename(), features);
    }

    private WasmEngine engine() {
        // Created on first use: the JUnit suite builds runners for files it may never run.
        if (engine == null) {
            WasmEngine.Builder builder = WasmEngine.builder().allocator(allocator).options(engineOptions).hostModule(SpectestModule.silent());
            if (engineLog != null) {
                builder.logOutput(engineLog);
            }
            engine = builder.build();
        }
        return engine;
    }

    /** An exception the engine should not throw, with where it came from, for the engine's developers. */
    private static String unexpected(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        return "unexpected " + e + (stack.length > 0 ? " at " + stack[0] : "");
    }

    static String describe(WasmException e) {
        String offset = e.byteOffset() >= 0 ? " (at byte offset " + e.byteOffset() + ")" : "";
        return e.kind() + ": " + e.getMessage() + offset;
    }
}
