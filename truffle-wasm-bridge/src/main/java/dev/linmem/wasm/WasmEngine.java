package dev.linmem.wasm;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.graalvm.polyglot.Context;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.binary.ModuleDecoder;
import dev.linmem.wasm.binary.WasmFeatures;
import dev.linmem.wasm.language.WasmContext;
import dev.linmem.wasm.language.WasmLanguage;
import dev.linmem.wasm.link.Instantiator;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.Failures;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * The embedding API's entry point: one polyglot context running the {@value WasmLanguage#ID}
 * language. Every operation enters that context on the calling thread and calls the language's
 * runtime directly (no interop round trip), so guest code runs under the optimizing Truffle
 * runtime with per-instance call targets.
 *
 * <p>Threads: any number of threads may invoke functions at once (wasm threads share memories and
 * synchronize through atomics, wait and notify); decode, instantiate and register are safe to call
 * concurrently too. {@link #close} must come after every other call has returned.
 */
public final class WasmEngine implements AutoCloseable {
    private final Context context;
    private final Map<WasmModule, String> moduleNames = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicInteger anonymousInstances = new AtomicInteger();

    private WasmEngine(Context context) {
        this.context = context;
    }

    /** An engine whose modules allocate their memories with {@code allocator}; spectest prints go nowhere. */
    public static WasmEngine create(MemoryAllocator allocator) {
        return create(allocator, new PrintStream(OutputStream.nullOutputStream()), Map.of());
    }

    /**
     * An engine with the spectest print functions writing to {@code spectestOutput} and extra
     * polyglot options (for example {@code engine.CompileImmediately=true} in tests).
     */
    public static WasmEngine create(MemoryAllocator allocator, PrintStream spectestOutput, Map<String, String> options) {
        return create(allocator, spectestOutput, options, null);
    }

    /**
     * As {@link #create(MemoryAllocator, PrintStream, Map)}, with the polyglot engine's log (for
     * example {@code engine.TraceCompilation}) written to {@code logOutput} instead of stderr.
     */
    public static WasmEngine create(MemoryAllocator allocator, PrintStream spectestOutput, Map<String, String> options, OutputStream logOutput) {
        Objects.requireNonNull(allocator, "allocator");
        Context.Builder builder = Context.newBuilder(WasmLanguage.ID).allowExperimentalOptions(true).options(options);
        if (logOutput != null) {
            builder.logHandler(logOutput);
        }
        Context context = builder.build();
        context.initialize(WasmLanguage.ID);
        WasmEngine engine = new WasmEngine(context);
        engine.inContext(() -> {
            // spectest is already registered (the language does it); its prints read the stream
            // and its memories the allocator when used, so setting both here is enough.
            WasmContext wasm = WasmContext.get(null);
            wasm.setAllocator(allocator);
            wasm.setSpectestOutput(spectestOutput);
            return null;
        });
        return engine;
    }

    /** Decodes and validates a binary module with every feature linmem supports; throws WasmException (MALFORMED or INVALID). */
    public WasmModule decode(byte[] bytes, String name) {
        return decode(bytes, name, WasmFeatures.ALL);
    }

    /** As {@link #decode(byte[], String)}, accepting only {@code features} (test suites written before a feature merged). */
    public WasmModule decode(byte[] bytes, String name, WasmFeatures features) {
        WasmModule module = ModuleDecoder.decode(bytes, features);
        moduleNames.put(module, name);
        return module;
    }

    /**
     * Instantiates {@code module}: links its imports against the registered instances and runs its
     * segment initializers and start function. Throws WasmException of kind UNLINKABLE, TRAP,
     * EXHAUSTION or RESOURCE_LIMIT (a memory the allocator cannot provide).
     */
    public WasmInstance instantiate(WasmModule module) {
        String name = moduleNames.getOrDefault(module, "module" + anonymousInstances.getAndIncrement());
        ModuleInstance instance = guest(() -> Instantiator.instantiate(WasmContext.get(null), module, name));
        return new WasmInstance(this, instance);
    }

    /** Makes {@code instance}'s exports importable under the module name {@code name}. */
    public void register(String name, WasmInstance instance) {
        if (instance.engine() != this) {
            throw new IllegalArgumentException("instance belongs to another engine");
        }
        inContext(() -> {
            WasmContext.get(null).register(name, instance.runtimeInstance());
            return null;
        });
    }

    /**
     * Makes a memory the host created (with the library's API, pooled or not) importable as
     * {@code moduleName.name}. The host keeps owning it: closing the engine does not close it.
     * {@code moduleName} must not name a registered wasm instance; host memories under one module
     * name (spectest included) are collected into one host module.
     */
    public void registerMemory(String moduleName, String name, LinearMemory memory) {
        Objects.requireNonNull(memory, "memory");
        inContext(() -> {
            WasmContext wasm = WasmContext.get(null);
            synchronized (wasm) {
                ModuleInstance host = wasm.registered(moduleName);
                if (host == null) {
                    host = ModuleInstance.host(moduleName);
                    wasm.register(moduleName, host);
                } else if (host.module() != null) {
                    throw new IllegalArgumentException(moduleName + " is a registered wasm instance; host memories need a module name of their own");
                }
                host.exports().put(name, memory);
            }
            return null;
        });
    }

    /** Calls a function with internal values; used by {@link WasmInstance#invoke}. */
    Object call(FunctionInstance function, Object[] internalArgs) {
        return guest(() -> function.callTarget().call(internalArgs));
    }

    /** Runs guest code in the context and maps its failures onto WasmException. */
    private <T> T guest(Supplier<T> action) {
        return inContext(() -> {
            try {
                return action.get();
            } catch (AbstractTruffleException trap) {
                throw Failures.fromTrap(trap);
            } catch (StackOverflowError overflow) {
                throw Failures.callStackExhausted(overflow);
            }
        });
    }

    private <T> T inContext(Supplier<T> action) {
        context.enter();
        try {
            return action.get();
        } finally {
            context.leave();
        }
    }

    /**
     * Closes every memory this engine's allocator made (for modules and spectest; native storage
     * is freed, pool slots return to their pool), then the polyglot context. Memories handed out
     * by {@link WasmInstance#memory} are closed too: using them afterwards traps.
     */
    @Override
    public void close() {
        context.close(); // the language's finalizeContext closes the memories
    }
}
