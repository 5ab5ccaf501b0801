package dev.linmem.wasm.host;

import java.util.Objects;

import com.oracle.truffle.api.interop.TruffleObject;

import dev.linmem.wasm.module.GlobalType;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.runtime.GlobalInstance;
import dev.linmem.wasm.runtime.Values;

/**
 * A global variable that the host makes and gives to modules as an import, or gets from an
 * instance's exports. An instance that imports it shares this very global: a mutable one set by
 * wasm is seen by the host and the other way round.
 *
 * <pre>{@code
 * WasmGlobal counter = WasmGlobal.mutable(ValType.I32, 0);
 * WasmInstance instance = engine.instantiate(module, new Imports().global("env", "counter", counter));
 * instance.invoke("tick");
 * int ticks = (Integer) counter.get();
 * }</pre>
 *
 * <p>Values are embedding API values: Integer (i32), Long (i64), Float (f32), Double (f64), or a
 * reference (null, a function, any object for externref).
 */
public final class WasmGlobal implements TruffleObject {
    private final GlobalInstance global;

    private WasmGlobal(GlobalInstance global) {
        this.global = global;
    }

    /** A global that wasm code may set ({@code (global (mut TYPE))}), holding {@code value}. */
    public static WasmGlobal mutable(ValType type, Object value) {
        return create(new GlobalType(type, true), value);
    }

    /** A global wasm code can only read, holding {@code value}. */
    public static WasmGlobal immutable(ValType type, Object value) {
        return create(new GlobalType(type, false), value);
    }

    private static WasmGlobal create(GlobalType type, Object value) {
        Objects.requireNonNull(type.valueType(), "type");
        GlobalInstance global = new GlobalInstance(type);
        global.setValue(Values.toInternal(type.valueType(), value));
        return new WasmGlobal(global);
    }

    /** Called by the engine to hand an instance's global to the host; embedders do not call it. */
    public static WasmGlobal of(GlobalInstance global) {
        return new WasmGlobal(Objects.requireNonNull(global));
    }

    /** The engine's global behind this handle (what an importing instance shares). */
    public GlobalInstance runtimeGlobal() {
        return global;
    }

    public GlobalType type() {
        return global.type();
    }

    /** The current value. */
    public Object get() {
        return Values.toApi(global.type().valueType(), global.value());
    }

    /**
     * Sets the value; IllegalStateException when the global is immutable, IllegalArgumentException
     * when {@code value} is not of the global's type.
     */
    public void set(Object value) {
        if (!global.type().mutable()) {
            throw new IllegalStateException("the global is immutable");
        }
        global.setValue(Values.toInternal(global.type().valueType(), value));
    }

    /** Two handles are equal when they stand for the same global. */
    @Override
    public boolean equals(Object other) {
        return other instanceof WasmGlobal g && g.global == global;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(global);
    }

    @Override
    public String toString() {
        return "global " + (global.type().mutable() ? "mut " : "") + global.type().valueType().text() + " = " + get();
    }
}
