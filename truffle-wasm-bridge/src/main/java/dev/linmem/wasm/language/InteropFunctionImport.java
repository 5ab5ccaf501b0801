package dev.linmem.wasm.language;

import com.oracle.truffle.api.TruffleLanguage;

import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.runtime.FunctionImport;
import dev.linmem.wasm.runtime.FunctionInstance;
import dev.linmem.wasm.runtime.FunctionTypes;
import dev.linmem.wasm.runtime.ModuleInstance;

/** An executable of another language (or a Java {@code ProxyExecutable}) imported as a function: it takes the declared type. */
final class InteropFunctionImport implements FunctionImport {
    private final Object executable;

    InteropFunctionImport(Object executable) {
        this.executable = executable;
    }

    @Override
    public FuncType type() {
        return null;
    }

    @Override
    public FunctionInstance bind(TruffleLanguage<?> language, FunctionTypes types, ModuleInstance importer, String name, FuncType type) {
        FunctionInstance function = new FunctionInstance(type, types.idOf(type), name);
        function.setCallTarget(new InteropFunctionRootNode(language, type, executable, name).getCallTarget());
        return function;
    }
}
