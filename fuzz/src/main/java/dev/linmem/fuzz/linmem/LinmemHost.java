package dev.linmem.fuzz.linmem;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;

import dev.linmem.fuzz.transcript.ValueText;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.binary.ModuleDecoder;
import dev.linmem.wasm.language.WasmContext;
import dev.linmem.wasm.language.WasmLanguage;
import dev.linmem.wasm.link.ImportSource;
import dev.linmem.wasm.link.Instantiator;
import dev.linmem.wasm.module.Export;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.Import;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.nodes.HostFunctionRootNode;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.TableInstance;
import dev.linmem.wasm.runtime.Values;

/**
 * The one class of the fuzzer that uses the bridge's internals: it builds its own polyglot context
 * and does what {@code WasmEngine} does (decode, instantiate, call through the functions' entry
 * call targets, which enter the instance's memories), working in the engine's internal values,
 * plus the host modules binaryen's modules import, given to the instantiation as an import source: {@code fuzzing-support} (functions made
 * with {@link HostFunctionRootNode}, the mechanism behind {@code spectest}) and
 * {@code __fuzz_import} (immutable externref globals holding a non-null host object). Nothing else
 * in the fuzzer touches the bridge's runtime types.
 *
 * <p>Every method must run with the context entered ({@link #enter}/{@link #leave}) on the calling
 * thread. Failures surface raw, as the runtime throws them: {@code WasmException} for decoding and
 * linking, Truffle exceptions for traps and host exceptions, {@code StackOverflowError}.
 */
public final class LinmemHost implements FuzzingSupport.Guest, AutoCloseable {
    /** What {@code __fuzz_import}'s externref globals hold. */
    private static final Object EXTERN_VALUE = new Object() {
        @Override
        public String toString() {
            return "fuzz extern";
        }
    };

    private final Context context;
    private ModuleInstance instance;
    private WasmModule module;

    /**
     * A context with the given polyglot options whose modules' memories come from
     * {@code allocator}; the engine's log (compilation traces) goes to {@code log}.
     */
    public LinmemHost(MemoryAllocator allocator, Map<String, String> options, OutputStream log) {
        this.context = Context.newBuilder(WasmLanguage.ID).allowExperimentalOptions(true).options(options).logHandler(log).build();
        context.initialize(WasmLanguage.ID);
        enter();
        try {
            WasmContext.get(null).setAllocator(allocator);
        } finally {
            leave();
        }
    }

    public void enter() {
        context.enter();
    }

    public void leave() {
        context.leave();
    }

    /** Decodes and validates with every feature linmem supports; throws WasmException (MALFORMED or INVALID). */
    public void decode(byte[] bytes) {
        module = ModuleDecoder.decode(bytes);
    }

    /**
     * Registers the host modules {@link #decode decoded} module imports from and instantiates it.
     * Throws WasmException (UNLINKABLE), a trap, or a host exception from the start function.
     */
    public void instantiate(FuzzingSupport support) {
        WasmContext wasm = WasmContext.get(null);
        Map<String, Object> fuzzingSupport = fuzzingSupport(wasm, support);
        Map<String, Object> fuzzImports = fuzzImports();
        ImportSource imports = (moduleName, field) -> switch (moduleName) {
            case "fuzzing-support" -> fuzzingSupport.get(field);
            case "__fuzz_import" -> fuzzImports.get(field);
            default -> null;
        };
        instance = Instantiator.instantiate(wasm, module, "fuzzed", imports);
    }

    /** Host functions for the fuzzing-support imports of the module, each of the type it declares. */
    private Map<String, Object> fuzzingSupport(WasmContext wasm, FuzzingSupport support) {
        Map<String, Object> host = new HashMap<>();
        for (Import imp : module.imports()) {
            if (imp.module().equals("fuzzing-support") && imp.kind() == ExternalKind.FUNCTION && FuzzingSupport.NAMES.contains(imp.name())
                            && !host.containsKey(imp.name())) {
                FuncType type = module.types().get(imp.typeIndex());
                String name = imp.name();
                FunctionInstance function = new FunctionInstance(type, wasm.functionTypes().idOf(type), "fuzzing-support." + name);
                function.setCallTarget(new HostFunctionRootNode(wasm.language(), "fuzzing-support." + name, args -> support.call(name, args)).getCallTarget());
                host.put(name, function);
            }
        }
        return host;
    }

    private Map<String, Object> fuzzImports() {
        Map<String, Object> host = new HashMap<>();
        for (Import imp : module.imports()) {
            if (imp.module().equals("__fuzz_import") && imp.kind() == ExternalKind.GLOBAL && imp.global().equals(new GlobalType(ValType.EXTERNREF, false))) {
                GlobalInstance global = new GlobalInstance(imp.global());
                global.setReference(EXTERN_VALUE);
                host.put(imp.name(), global);
            }
        }
        return host;
    }

    /** The module's exports, in order. */
    public List<Export> exports() {
        return module.exports();
    }

    /** The parameter and result types of the exported function {@code export}. */
    public FuncType functionType(Export export) {
        return module.functionType(export.index());
    }

    /** Calls an exported function with zero arguments; returns its results as transcript texts. */
    public List<String> invokeWithZeros(Export export) {
        FunctionInstance function = instance.function(export.index());
        return resultTexts(function.type(), function.entryTarget().call(zeros(function.type())));
    }

    @Override
    public void callExport(long index) {
        requireInstance();
        List<Export> exports = module.exports();
        if (index >= exports.size() || exports.get((int) index).kind() != ExternalKind.FUNCTION) {
            throw new HostException("no exported function at " + index);
        }
        FunctionInstance function = instance.function(exports.get((int) index).index());
        function.entryTarget().call(zeros(function.type()));
    }

    @Override
    public void callReference(Object reference) {
        if (!(reference instanceof FunctionInstance function)) {
            throw new HostException("call-ref of " + reference);
        }
        function.entryTarget().call(zeros(function.type()));
    }

    @Override
    public Object tableGet(long index) {
        Object value = table().get(tableIndex(index));
        if (value != null && !(value instanceof FunctionInstance)) {
            throw new HostException("table-get of a non-function for a funcref result");
        }
        return value;
    }

    @Override
    public void tableSet(long index, Object value) {
        table().set(tableIndex(index), value);
    }

    private TableInstance table() {
        requireInstance();
        if (!(instance.export("table") instanceof TableInstance table)) {
            throw new HostException("no exported table");
        }
        return table;
    }

    /** Exports exist once instantiation has finished; a start function runs before. */
    private void requireInstance() {
        if (instance == null) {
            throw new HostException("the instance is not ready");
        }
    }

    private int tableIndex(long index) {
        if (index >= table().size()) {
            throw new HostException("table index " + index + " out of range");
        }
        return (int) index;
    }

    /** The final-state line of a global or table export; null for functions and memories. */
    public String finalStateOf(Export export) {
        Object external = instance.export(export.name());
        if (external instanceof GlobalInstance global) {
            return "global " + export.name() + " " + ValueText.of(global.type().valueType(), global.value());
        }
        if (external instanceof TableInstance table) {
            StringBuilder mask = new StringBuilder();
            for (int i = 0; i < table.size(); i++) {
                mask.append(table.get(i) == null ? '0' : '1');
            }
            return "table " + export.name() + " size=" + table.size() + " " + mask;
        }
        return null;
    }

    /** The exported memory {@code export}, or null if that export is not a memory. */
    public LinearMemory memory(Export export) {
        return instance.export(export.name()) instanceof LinearMemory memory ? memory : null;
    }

    private static Object[] zeros(FuncType type) {
        ValType[] params = type.params();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = Values.defaultInternal(params[i]);
        }
        return args;
    }

    private static List<String> resultTexts(FuncType type, Object result) {
        ValType[] results = type.results();
        List<String> texts = new ArrayList<>(results.length);
        if (results.length == 1) {
            texts.add(ValueText.of(results[0], result));
        } else if (results.length > 1) {
            Object[] values = (Object[]) result;
            for (int i = 0; i < results.length; i++) {
                texts.add(ValueText.of(results[i], values[i]));
            }
        }
        return texts;
    }

    /** Closes the context and with it every memory its modules allocated. */
    @Override
    public void close() {
        context.close(true);
    }

    /** Cancels whatever guest code runs in this context now (from another thread). */
    public void cancel() {
        context.close(true);
    }
}
