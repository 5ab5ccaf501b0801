package dev.linmem.wasm.language;

import com.oracle.truffle.api.CallTarget;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.binary.ModuleDecoder;
import dev.linmem.wasm.module.WasmModule;

/**
 * The linmem WebAssembly language. Its id is {@value #ID}, not {@code wasm}, so that it can sit on
 * one class path with GraalWasm (which owns {@code wasm}) and the benchmarks can run both.
 *
 * <p>Java embedders use {@code dev.linmem.wasm.WasmEngine}, which enters the polyglot context and
 * calls into this language's runtime directly. Polyglot hosts may also evaluate a binary source:
 * it is decoded and validated at parse time, and each evaluation instantiates it against the
 * context's registered instances ({@code spectest} is always there) and returns its exports.
 * Memories of such contexts come from dynamic heap storage.
 */
@TruffleLanguage.Registration(id = WasmLanguage.ID, name = "linmem WebAssembly", version = "0.1", byteMimeTypes = WasmLanguage.MIME_TYPE,
                defaultMimeType = WasmLanguage.MIME_TYPE)
public final class WasmLanguage extends TruffleLanguage<WasmContext> {
    public static final String ID = "linmem-wasm";
    public static final String MIME_TYPE = "application/x-linmem-wasm";

    private static final LanguageReference<WasmLanguage> REFERENCE = LanguageReference.create(WasmLanguage.class);

    @Option(help = "Built-in host modules that modules evaluated in the context may import, comma-separated: "
                    + "wasi_snapshot_preview1 (WASI preview 1, with the context's arguments, environment and streams).",
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "wasi_snapshot_preview1") //
    static final OptionKey<String> Builtins = new OptionKey<>("", dev.linmem.wasm.language.Builtins.TYPE);

    @Option(help = "Directories a WASI program may use, comma-separated, each [<guestDir>::]<hostDir> (needs allowIO).",
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "[<guestDir>::]<hostDir>,...") //
    static final OptionKey<String> WasiMapDirs = new OptionKey<>("");

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new WasmLanguageOptionDescriptors();
    }

    @Override
    protected WasmContext createContext(Env env) {
        return new WasmContext(this, dev.linmem.wasm.language.Builtins.wasi(env));
    }

    @Override
    protected void finalizeContext(WasmContext context) {
        context.closeMemories();
        context.closeWasi();
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
