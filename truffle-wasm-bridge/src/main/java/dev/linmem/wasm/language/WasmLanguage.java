package dev.linmem.wasm.language;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;

/**
 * The linmem WebAssembly language. Its id is {@value #ID}, not {@code wasm}, so that it can sit on
 * one class path with GraalWasm (which owns {@code wasm}) and the benchmarks can run both.
 *
 * <p>Modules are loaded through the embedding API ({@code dev.linmem.wasm.WasmEngine}), which
 * enters the polyglot context and calls into this language's runtime directly; there is no
 * source-level {@code eval}, because a binary module alone does not say which instances its
 * imports come from.
 */
@TruffleLanguage.Registration(id = WasmLanguage.ID, name = "linmem WebAssembly", version = "0.1", byteMimeTypes = WasmLanguage.MIME_TYPE,
                defaultMimeType = WasmLanguage.MIME_TYPE)
public final class WasmLanguage extends TruffleLanguage<WasmContext> {
    public static final String ID = "linmem-wasm";
    public static final String MIME_TYPE = "application/x-linmem-wasm";

    private static final LanguageReference<WasmLanguage> REFERENCE = LanguageReference.create(WasmLanguage.class);

    @Override
    protected WasmContext createContext(Env env) {
        return new WasmContext(this);
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
        throw new UnsupportedOperationException(ID + " modules are loaded with dev.linmem.wasm.WasmEngine, which also resolves their imports");
    }

    /** The language instance of the current thread's entered context. */
    public static WasmLanguage get(Node node) {
        return REFERENCE.get(node);
    }
}
