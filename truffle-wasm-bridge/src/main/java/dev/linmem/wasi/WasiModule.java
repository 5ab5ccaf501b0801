package dev.linmem.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.host.Caller;
import dev.linmem.wasm.host.HostContext;
import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.host.HostModule;
import dev.linmem.wasm.module.FuncType;
import dev.linmem.wasm.module.ValType;

/**
 * {@code wasi_snapshot_preview1} as a host module: give it to an instantiation and a WASI command
 * runs.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder().args("prog.wasm").inheritStdio().preopen(Path.of("."), ".").build();
 * try (WasmEngine engine = WasmEngine.create(); WasiModule wasi = new WasiModule(config)) {
 *     WasmInstance instance = engine.instantiate(engine.decode(bytes, "prog"), new Imports().hostModule(wasi));
 *     try {
 *         instance.invoke("_start");            // returns: exit status 0
 *     } catch (WasiExit exit) {
 *         System.exit(exit.status());           // proc_exit(status)
 *     }
 * }
 * }</pre>
 *
 * <p>Every instantiation that imports from it gets a {@link WasiPreview1} of its own: descriptors
 * one instance opens are invisible to the others. A function's memory is the calling instance's
 * memory 0 (the WASI ABI names the memory exported as "memory", which is memory 0 in every module
 * clang and wasi-libc make; {@code Caller} offers memories by index). A caller without memory gets
 * an empty one, so its pointers are FAULT rather than a trap. {@link WasiExit} (from proc_exit)
 * comes out of the call into wasm unchanged.
 */
public final class WasiModule implements HostModule, AutoCloseable {
    private static final LinearMemory NO_MEMORY = LinearMemory.empty();

    private final WasiConfig config;
    private final Map<Preview1Function, FuncType> types = new EnumMap<>(Preview1Function.class);
    private final List<WasiPreview1> instances = new ArrayList<>();

    public WasiModule(WasiConfig config) {
        this.config = config;
        for (Preview1Function function : Preview1Function.values()) {
            types.put(function, typeOf(function));
        }
    }

    /** The wasm type of {@code function}: its parameter letters and an i32 errno result (none for proc_exit). */
    public static FuncType typeOf(Preview1Function function) {
        String letters = function.parameters();
        ValType[] params = new ValType[letters.length()];
        for (int i = 0; i < params.length; i++) {
            params[i] = letters.charAt(i) == 'i' ? ValType.I32 : ValType.I64;
        }
        return new FuncType(params, function.returnsErrno() ? new ValType[] {ValType.I32} : new ValType[0]);
    }

    @Override
    public String name() {
        return WasiPreview1.MODULE_NAME;
    }

    public WasiConfig config() {
        return config;
    }

    @Override
    public Exports instantiate(HostContext context) {
        WasiPreview1 wasi = new WasiPreview1(config);
        synchronized (instances) {
            instances.add(wasi);
        }
        Map<String, HostFunction> exports = new java.util.HashMap<>();
        for (Preview1Function function : Preview1Function.values()) {
            exports.put(function.importName(), bind(wasi, function));
        }
        return exports::get;
    }

    private HostFunction bind(WasiPreview1 wasi, Preview1Function function) {
        Preview1Function.Invoker invoker = function.invoker();
        boolean usesMemory = function.usesMemory();
        boolean returnsErrno = function.returnsErrno();
        return HostFunction.of(types.get(function), (caller, arguments) -> {
            long[] raw = new long[arguments.length];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = ((Number) arguments[i]).longValue();
            }
            int errno = invoker.invoke(wasi, usesMemory ? memoryOf(caller) : NO_MEMORY, raw);
            return returnsErrno ? (Object) errno : null;
        });
    }

    private static LinearMemory memoryOf(Caller caller) {
        return caller.memoryCount() == 0 ? NO_MEMORY : caller.memory(0);
    }

    /**
     * Closes the files every instance of this module still has open (the standard streams are
     * flushed, not closed). The instances' later WASI calls find their descriptors closed.
     */
    @Override
    public void close() throws IOException {
        List<WasiPreview1> all;
        synchronized (instances) {
            all = new ArrayList<>(instances);
            instances.clear();
        }
        IOException first = null;
        for (WasiPreview1 wasi : all) {
            try {
                wasi.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
