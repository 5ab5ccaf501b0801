package dev.linmem.wasm.host;

import java.util.List;
import java.util.Objects;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.TruffleObject;

import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.nodes.HostFunctionRootNode;
import dev.linmem.wasm.runtime.FunctionImport;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.FunctionTypes;
import dev.linmem.wasm.runtime.ModuleInstance;
import dev.linmem.wasm.runtime.WasmTrap;

/**
 * A function written in Java that WebAssembly modules import: a wasm signature and a Java body.
 *
 * <pre>{@code
 * // (import "env" "log" (func (param i32 i32)))  -- a pointer and a length into the caller's memory
 * HostFunction log = HostFunction.of(List.of(ValType.I32, ValType.I32), List.of(), (caller, args) -> {
 *     int address = (Integer) args[0];
 *     int length = (Integer) args[1];
 *     byte[] text = new byte[length];
 *     caller.memory().read(Integer.toUnsignedLong(address), text, 0, length);  // bounds-checked
 *     System.out.println(new String(text, StandardCharsets.UTF_8));
 *     return null;                                                              // no results
 * });
 * WasmInstance instance = engine.instantiate(module, new Imports().function("env", "log", log));
 * }</pre>
 *
 * <p><b>Values</b> are those of the embedding API: {@code Integer} for i32, {@code Long} for i64,
 * {@code Float} for f32 and {@code Double} for f64 (floats keep their exact bits), and for
 * references null, a function, or (externref) any object. The body returns null when the type has
 * no result, the value when it has one, and an {@code Object[]} of the values when it has several.
 * A result of the wrong Java type is the embedder's mistake and raises an
 * {@code IllegalArgumentException} that names the function.
 *
 * <p><b>The caller.</b> A host function is bound to each instance that imports it, when that
 * instance is linked: its body sees that instance's memories through {@link Caller}, as the
 * library's {@code LinearMemory}, and moves bytes with its bounds-checked, allocation-free host
 * copies ({@code read}, {@code write}, {@code readInt}, ...). If the importing instance exports the
 * function and a second instance imports it from there, the body still sees the first instance.
 *
 * <p><b>Failures.</b> An exception the body throws unwinds the wasm frames and reaches whoever
 * called into wasm unchanged: the embedding API's caller gets that very exception object, not a
 * trap, and the instance stays usable. To trap on purpose, throw {@link #trap(String)}: the caller
 * then gets a {@code WasmException} of kind {@code TRAP} with that message, as for any wasm trap. A
 * memory access out of bounds through {@code caller.memory()} traps the same way.
 *
 * <p><b>Compiled code.</b> Each importing instance has its own call target for the function, so a
 * {@code call} instruction that calls it is a direct call that the compiler may inline, and the
 * body runs behind one boundary. Exceptions thrown through it do not deoptimize the caller.
 *
 * <p>Bodies may run on several threads at once when the embedder calls an instance from several
 * threads (wasm threads); a body that keeps state must synchronize it.
 */
public final class HostFunction implements FunctionImport, TruffleObject {
    /** The Java code of a host function. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the function.
         *
         * @param caller the instance that imported this function, with its memories
         * @param arguments the arguments, one per parameter, as embedding API values
         * @return null for no result, the result, or an {@code Object[]} of several results
         */
        Object call(Caller caller, Object[] arguments);
    }

    private final FuncType type;
    private final Body body;

    private HostFunction(FuncType type, Body body) {
        this.type = Objects.requireNonNull(type, "type");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** A host function of type {@code type}. */
    public static HostFunction of(FuncType type, Body body) {
        return new HostFunction(type, body);
    }

    /** A host function of type {@code params -> results}. */
    public static HostFunction of(List<ValType> params, List<ValType> results, Body body) {
        return new HostFunction(new FuncType(params.toArray(ValType[]::new), results.toArray(ValType[]::new)), body);
    }

    /**
     * The exception a body throws to trap on purpose, for example {@code throw HostFunction.trap("bad
     * file descriptor")}: guest frames unwind as for any trap, and the embedding API reports a
     * {@code WasmException} of kind {@code TRAP} whose message is {@code message}.
     */
    public static RuntimeException trap(String message) {
        return WasmTrap.create(Objects.requireNonNull(message, "message"));
    }

    @Override
    public FuncType type() {
        return type;
    }

    /**
     * Called by the engine when it links an instance that imports this function; embedders do not
     * call it. Makes the call target of this function for {@code importer}.
     */
    @Override
    public FunctionInstance bind(TruffleLanguage<?> language, FunctionTypes types, ModuleInstance importer, String name, FuncType declared) {
        FunctionInstance function = new FunctionInstance(type, types.idOf(type), name);
        HostCall call = new HostCall(type, body, new Caller(importer), name);
        function.setCallTarget(new HostFunctionRootNode(language, name, call).getCallTarget());
        return function;
    }

    @Override
    public String toString() {
        return "host function " + type;
    }
}
