package dev.linmem.wasm.runtime;

import com.oracle.truffle.api.TruffleLanguage;

import dev.linmem.wasm.module.FuncType;

/**
 * A function import that becomes a {@link FunctionInstance} only when it is linked into the
 * instance that imports it: a host function written in Java, or a polyglot executable. Binding per
 * importing instance gives each importer a call target of its own, which knows its caller as a
 * constant: call sites stay monomorphic, and the function's body sees the importer's memories.
 */
public interface FunctionImport {
    /**
     * The function's type, checked against the import's declared type before binding; null when
     * the function takes whatever type the import declares (a polyglot executable, which has none).
     */
    FuncType type();

    /**
     * Makes the function instance {@code importer} calls. Runs once per importing instance, with
     * the polyglot context entered, before {@code importer}'s memories exist: the result may keep
     * {@code importer} but must not read its index spaces until it is called.
     *
     * @param language the language whose call targets the engine builds
     * @param types the context's canonical function type ids
     * @param importer the instance being linked
     * @param name {@code module.field} of the import, for traces and stack traces
     * @param type the import's declared type: {@link #type()} when that is not null
     */
    FunctionInstance bind(TruffleLanguage<?> language, FunctionTypes types, ModuleInstance importer, String name, FuncType type);
}
