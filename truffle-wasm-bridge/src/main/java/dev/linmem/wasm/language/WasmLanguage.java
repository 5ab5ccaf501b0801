package dev.linmem.wasm.language;

import org.graalvm.options.OptionDescriptors;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.binary.ModuleDecoder;
import dev.linmem.wasm.link.SpectestModule;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.nodes.CallDepth;
import dev.linmem.wasm.nodes.ExhaustionWarmUp;

/**
 * The linmem WebAssembly language. Its id is {@value #ID}, not {@code wasm}, so that it can sit on
 * one class path with GraalWasm (which owns {@code wasm}) and the benchmarks can run both.
 *
 * <p>Java embedders use {@code dev.linmem.wasm.WasmEngine}, which enters the polyglot context and
 * calls into this language's runtime directly. Polyglot hosts may also evaluate a binary source:
 * it is decoded and validated at parse time, and each evaluation instantiates it against the
 * context's registered instances ({@code spectest} is always there) and returns its exports.
 * Memories of such contexts come from dynamic heap storage.
 *
 * <p>Options: {@link WasmOptions}. Each thread of each context counts how deep its wasm calls
 * nest ({@link CallDepth}, against {@code linmem-wasm.MaxCallDepth}).
 */
@TruffleLanguage.Registration(id = WasmLanguage.ID, name = "linmem WebAssembly", version = "0.1", byteMimeTypes = WasmLanguage.MIME_TYPE,
                defaultMimeType = WasmLanguage.MIME_TYPE)
public final class WasmLanguage extends TruffleLanguage<WasmContext> implements CallDepth.PerThread {
    public static final String ID = "linmem-wasm";
    public static final String MIME_TYPE = "application/x-linmem-wasm";

    private static final LanguageReference<WasmLanguage> REFERENCE = LanguageReference.create(WasmLanguage.class);

    /** The stack size is the C library's answer for the calling thread, so it is asked only on the thread itself. */
    private final ContextThreadLocal<CallDepth> callDepth = locals.createContextThreadLocal(
                    (context, thread) -> thread == Thread.currentThread() ? CallDepth.ofCurrentThread(context.maxCallDepth()) : CallDepth.withoutStackSize(context.maxCallDepth()));

    @Override
    protected WasmContext createContext(Env env) {
        WasmContext context = new WasmContext(this, env.getOptions().get(WasmOptions.MaxCallDepth));
        context.setAllocator(MemoryAllocator.dynamicHeap());
        return context;
    }

    /**
     * spectest is registered at once; its memories are made on first import, with whatever allocator is set by then.
     * The exhaustion path is warmed up here, on a shallow stack (see {@link ExhaustionWarmUp}).
     */
    @Override
    protected void initializeContext(WasmContext context) {
        context.register(SpectestModule.NAME, SpectestModule.create(context));
        ExhaustionWarmUp.runOnce(this);
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new WasmOptionsOptionDescriptors();
    }

    /** The call depth of the current thread in the current context, kept by every wasm call target. */
    @Override
    public ContextThreadLocal<CallDepth> callDepth() {
        return callDepth;
    }

    @Override
    protected void finalizeContext(WasmContext context) {
        context.closeMemories();
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
            return new InstantiateRootNode(this, module, source.getName()).getCallTarget();
        } catch (WasmException e) {
            throw ModuleRejectedException.of(e);
        }
    }

    /** The language instance of the current thread's entered context. */
    public static WasmLanguage get(Node node) {
        return REFERENCE.get(node);
    }
}
