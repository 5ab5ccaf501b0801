package dev.linmem.wasm.language;

import java.util.List;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.graalvm.options.OptionType;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.binary.ModuleDecoder;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.nodes.CallDepth;
import dev.linmem.wasm.nodes.ExhaustionWarmUp;

/**
 * The linmem WebAssembly language. Its id is {@value #ID}, not {@code wasm}, so that it can sit on
 * one class path with GraalWasm (which owns {@code wasm}) and the benchmarks can run both.
 *
 * <p>Java embedders use {@code dev.linmem.wasm.WasmEngine}, which enters the polyglot context and
 * calls into this language's runtime directly. Polyglot hosts use the API of GraalWasm 25 (which
 * follows the WebAssembly JS API), so that a host switches between {@code wasm} and
 * {@value #ID} by the language id alone:
 *
 * <pre>{@code
 * Value module = context.eval(Source.newBuilder("linmem-wasm", ByteSequence.create(bytes), "example").build());
 * Value instance = module.newInstance(ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of(
 *         "log", (ProxyExecutable) args -> { System.out.println(args[0].asInt()); return null; })))));
 * Value exports = instance.getMember("exports");
 * int sum = exports.invokeMember("add", 1, 2).asInt();
 * }</pre>
 *
 * <p>A source is decoded and validated at parse time; {@code eval} returns a {@link ModuleObject},
 * which instantiates any number of times. Memories of such contexts come from dynamic heap
 * storage. The option {@code linmem-wasm.Builtins} provides built-in host modules
 * ({@link BuiltinModules}).
 *
 * <p>Options: these, and {@link WasmOptions}. Each thread of each context counts how deep its wasm
 * calls nest ({@link CallDepth}, against {@code linmem-wasm.MaxCallDepth}).
 */
@TruffleLanguage.Registration(id = WasmLanguage.ID, name = "linmem WebAssembly", version = "0.1", byteMimeTypes = WasmLanguage.MIME_TYPE,
                defaultMimeType = WasmLanguage.MIME_TYPE)
public final class WasmLanguage extends TruffleLanguage<WasmContext> implements CallDepth.PerThread {
    public static final String ID = "linmem-wasm";
    public static final String MIME_TYPE = "application/x-linmem-wasm";

    private static final LanguageReference<WasmLanguage> REFERENCE = LanguageReference.create(WasmLanguage.class);

    @Option(help = "Built-in host modules to provide, as [<linkingName>:]<builtin>,... Builtins: spectest, wasi_snapshot_preview1.",
                    category = OptionCategory.USER,
                    stability = OptionStability.STABLE, usageSyntax = "[<linkingName>:]<builtin>,...") //
    static final OptionKey<List<BuiltinModules.Request>> Builtins = new OptionKey<>(List.of(), new OptionType<>("builtins", BuiltinModules::parse));

    @Option(help = "Directories the builtin wasi_snapshot_preview1 lets programs use, as [<guestDir>::]<hostDir>,... (needs allowIO).",
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "[<guestDir>::]<hostDir>,...") //
    static final OptionKey<String> WasiMapDirs = new OptionKey<>("");

    /** The stack size is the C library's answer for the calling thread, so it is asked only on the thread itself. */
    private final ContextThreadLocal<CallDepth> callDepth = locals.createContextThreadLocal(
                    (context, thread) -> thread == Thread.currentThread() ? CallDepth.ofCurrentThread(context.maxCallDepth()) : CallDepth.withoutStackSize(context.maxCallDepth()));

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return OptionDescriptors.createUnion(new WasmLanguageOptionDescriptors(), new WasmOptionsOptionDescriptors());
    }

    @Override
    protected WasmContext createContext(Env env) {
        return new WasmContext(this, BuiltinModules.create(env.getOptions().get(Builtins), env), env.getOptions().get(WasmOptions.MaxCallDepth));
    }

    /** The exhaustion path is warmed up here, on a shallow stack (see {@link ExhaustionWarmUp}). */
    @Override
    protected void initializeContext(WasmContext context) {
        ExhaustionWarmUp.runOnce(this);
    }

    /** The call depth of the current thread in the current context, kept by every wasm call target. */
    @Override
    public ContextThreadLocal<CallDepth> callDepth() {
        return callDepth;
    }

    @Override
    protected void finalizeContext(WasmContext context) {
        context.closeMemories();
        context.closeBuiltins();
    }

    /**
     * Any number of threads may run guest code at once: wasm threads share memories (atomics,
     * wait/notify), and everything else an instance holds is either immutable after
     * instantiation or a thread-safe structure of the context.
     */
    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        return true;
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (!source.hasBytes()) {
            throw ModuleRejectedException.of(WasmException.malformed("a " + ID + " source must be a binary module", -1));
        }
        try {
            WasmModule module = ModuleDecoder.decode(source.getBytes().toByteArray());
            return new ModuleRootNode(this, module, source.getName()).getCallTarget();
        } catch (WasmException e) {
            throw ModuleRejectedException.of(e);
        }
    }

    /** The language instance of the current thread's entered context. */
    public static WasmLanguage get(Node node) {
        return REFERENCE.get(node);
    }
}
