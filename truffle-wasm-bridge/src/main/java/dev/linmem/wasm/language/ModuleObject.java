package dev.linmem.wasm.language;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.link.HostModuleImports;
import dev.linmem.wasm.link.ImportSource;
import dev.linmem.wasm.link.Instantiator;
import dev.linmem.wasm.module.WasmModule;
import dev.linmem.wasm.runtime.HostFunctionException;
import dev.linmem.wasm.runtime.ModuleInstance;

/**
 * What {@code context.eval(source)} returns, as in GraalWasm 25 and the WebAssembly JS API: a
 * decoded, validated module, instantiable any number of times. {@code module.newInstance()} and
 * {@code module.newInstance(imports)} (JavaScript: {@code new module(imports)}) link eagerly
 * against the import object {@code {moduleName: {fieldName: value}}} and then the context's
 * built-in host modules, run the start function, and return an {@link InstanceObject}; each
 * instance has its own memories. A missing or mistyped import is a guest exception whose message
 * starts with {@code UNLINKABLE: unknown import} or {@code UNLINKABLE: incompatible import type}
 * and names the import.
 */
@ExportLibrary(InteropLibrary.class)
final class ModuleObject implements TruffleObject {
    private final WasmModule module;
    private final String name;

    ModuleObject(WasmModule module, String name) {
        this.module = module;
        this.name = name;
    }

    @ExportMessage
    boolean isInstantiable() {
        return true;
    }

    /** Guest code entry point: the start function runs here. */
    @ExportMessage
    @TruffleBoundary
    Object instantiate(Object[] arguments) throws ArityException, UnsupportedTypeException {
        if (arguments.length > 1) {
            throw ArityException.create(0, 1, arguments.length);
        }
        WasmContext context = WasmContext.get(null);
        ImportSource imports = arguments.length == 0 ? ImportSource.NONE : InteropImports.of(arguments[0], arguments);
        try {
            ModuleInstance instance = Instantiator.instantiate(context, module, name, imports.orElse(new HostModuleImports(context.builtins(), context)));
            return new InstanceObject(instance);
        } catch (WasmException e) {
            throw ModuleRejectedException.of(e);
        } catch (HostFunctionException thrown) {
            throw thrown.thrown();
        }
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return WasmLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "wasm-module(" + name + ")";
    }
}
