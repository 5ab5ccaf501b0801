package dev.linmem.wasm;

import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.graalvm.polyglot.Context;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryInUseException;
import dev.linmem.wasm.binary.ModuleDecoder;
import dev.linmem.wasm.binary.WasmFeatures;
import dev.linmem.wasm.host.HostModule;
import dev.linmem.wasm.host.SpectestModule;
import dev.linmem.wasm.language.WasmContext;
import dev.linmem.wasm.language.WasmLanguage;
import dev.linmem.wasm.link.HostModuleImports;
import dev.linmem.wasm.link.ImportSource;
import dev.linmem.wasm.link.Instantiator;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.Failures;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.HostFunctionException;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * The embedding API's entry point: one polyglot context running the {@value WasmLanguage#ID}
 * language, with the memory allocator, host modules and polyglot options an embedder chose.
 *
 * <pre>{@code
 * try (WasmEngine engine = WasmEngine.builder()
 *         .allocator(MemoryAllocator.staticNative())               // how module-defined memories are made
 *         .option("engine.CompilationFailureAction", "Throw")      // any polyglot option
 *         .build()) {
 *     WasmModule module = engine.decode(Files.readAllBytes(Path.of("app.wasm")), "app");
 *     WasmInstance app = engine.instantiate(module, new Imports().function("env", "log", log));
 *     Object[] results = app.invoke("main", 1, 2);
 * }
 * }</pre>
 *
 * <p>Every operation enters the context on the calling thread and calls the language's runtime
 * directly (no interop round trip), so guest code runs under the optimizing Truffle runtime with
 * per-instance call targets.
 *
 * <p>Imports of an instantiation come from the {@link Imports} given to
 * {@link #instantiate(WasmModule, Imports)}, then from instances {@link #register registered} with
 * the engine, then from the engine's host modules ({@link Builder#hostModule}: {@code spectest} for
 * spec tests, WASI, or an embedder's own).
 *
 * <p>Threads: any number of threads may invoke functions at once (wasm threads share memories and
 * synchronize through atomics, wait and notify); decode, instantiate and register are safe to call
 * concurrently too. {@link #close} must come after every other call has returned.
 */
public final class WasmEngine implements AutoCloseable {
    private final Context context;
    private final Map<WasmModule, String> moduleNames = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicInteger anonymousInstances = new AtomicInteger();
    /** Instances made importable by {@link #register}, by module name. */
    private final Map<String, ModuleInstance> registered = new ConcurrentHashMap<>();
    /** Host modules every instantiation may import from, by module name. */
    private final Map<String, HostModule> hostModules;

    private WasmEngine(Context context, Map<String, HostModule> hostModules) {
        this.context = context;
        this.hostModules = hostModules;
    }

    /** An engine with the defaults: dynamic heap memories, no host modules, the polyglot defaults. */
    public static WasmEngine create() {
        return builder().build();
    }

    /** A builder for an engine with other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings of a {@link WasmEngine}; each method returns this builder, {@link #build} makes the
     * engine (a builder may build several).
     */
    public static final class Builder {
        private MemoryAllocator allocator = MemoryAllocator.dynamicHeap();
        private final Map<String, String> options = new LinkedHashMap<>();
        private OutputStream logOutput;
        private final Map<String, HostModule> hostModules = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * How the memories that modules define (and host modules ask for) are made: a preset of
         * {@link MemoryAllocator} or a {@code MemoryPool}. Default: {@link MemoryAllocator#dynamicHeap()}.
         */
        public Builder allocator(MemoryAllocator memoryAllocator) {
            this.allocator = Objects.requireNonNull(memoryAllocator, "allocator");
            return this;
        }

        /**
         * A polyglot engine or language option, for example {@code engine.CompileImmediately=true}
         * or {@code engine.TraceCompilation=true}; experimental options are allowed. An unknown
         * option makes {@link #build} throw IllegalArgumentException.
         */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Every option of {@code keysAndValues}, as {@link #option}. */
        public Builder options(Map<String, String> keysAndValues) {
            keysAndValues.forEach(this::option);
            return this;
        }

        /** Where the polyglot engine's log goes (for example {@code engine.TraceCompilation}); default stderr. */
        public Builder logOutput(OutputStream output) {
            this.logOutput = Objects.requireNonNull(output, "output");
            return this;
        }

        /**
         * Makes {@code module} importable by every instantiation, under its name: the spec tests'
         * {@code spectest} ({@link SpectestModule}), WASI's {@code wasi_snapshot_preview1}, or the
         * embedder's own. A later module of the same name replaces an earlier one.
         */
        public Builder hostModule(HostModule module) {
            hostModules.put(module.name(), module);
            return this;
        }

        /** Makes the engine; IllegalArgumentException for an unknown or malformed option. */
        public WasmEngine build() {
            Context.Builder builder = Context.newBuilder(WasmLanguage.ID).allowExperimentalOptions(true).options(options);
            if (logOutput != null) {
                builder.logHandler(logOutput);
            }
            Context context = builder.build();
            context.initialize(WasmLanguage.ID);
            WasmEngine engine = new WasmEngine(context, Map.copyOf(hostModules));
            MemoryAllocator chosen = allocator;
            engine.inContext(() -> {
                WasmContext.get(null).setAllocator(chosen);
                return null;
            });
            return engine;
        }
    }

    /**
     * Decodes and validates a binary module with every feature linmem supports; throws WasmException
     * (MALFORMED, INVALID, or UNSUPPORTED: an {@link UnsupportedFeatureException} naming a Wasm 3.0
     * feature linmem does not implement).
     */
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
     * Instantiates {@code module} with its imports from the engine's registered instances and host
     * modules, and runs its segment initializers and start function. Throws WasmException of kind
     * UNLINKABLE, TRAP, EXHAUSTION or RESOURCE_LIMIT (a memory the allocator cannot provide).
     */
    public WasmInstance instantiate(WasmModule module) {
        return instantiate(module, new Imports());
    }

    /**
     * Instantiates {@code module} with its imports from {@code imports} first, then from the
     * engine's registered instances and host modules; runs its segment initializers and start
     * function. Throws WasmException of kind UNLINKABLE (an import is missing or has another type:
     * the message names it), TRAP, EXHAUSTION or RESOURCE_LIMIT; an exception a host function throws from the start
     * function comes through unchanged.
     */
    public WasmInstance instantiate(WasmModule module, Imports imports) {
        Objects.requireNonNull(imports, "imports");
        String name = moduleNames.getOrDefault(module, "module" + anonymousInstances.getAndIncrement());
        ModuleInstance instance = guest(() -> {
            WasmContext wasm = WasmContext.get(null);
            ImportSource engineImports = (moduleName, field) -> {
                ModuleInstance exporter = registered.get(moduleName);
                return exporter == null ? null : exporter.export(field);
            };
            ImportSource source = imports.source(this, wasm).orElse(engineImports).orElse(new HostModuleImports(hostModules, wasm));
            return Instantiator.instantiate(wasm, module, name, source);
        });
        return new WasmInstance(this, instance);
    }

    /** Makes {@code instance}'s exports importable under the module name {@code name} by every later instantiation. */
    public void register(String name, WasmInstance instance) {
        if (instance.engine() != this) {
            throw new IllegalArgumentException("instance belongs to another engine");
        }
        registered.put(name, instance.runtimeInstance());
    }

    /** Calls a function with internal values; used by {@link WasmInstance#invoke}. */
    Object call(FunctionInstance function, Object[] internalArgs) {
        return guest(() -> function.entryTarget().call(internalArgs));
    }

    /**
     * Runs guest code in the context and maps its failures onto WasmException; what a host function
     * threw comes through unchanged.
     */
    private <T> T guest(Supplier<T> action) {
        return inContext(() -> {
            try {
                return action.get();
            } catch (HostFunctionException thrown) {
                throw thrown.thrown();
            } catch (MemoryInUseException refused) {
                throw refused; // not a trap: another thread is inside the instance's memory
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
