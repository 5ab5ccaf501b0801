package dev.linmem.wasm.host;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.WeakHashMap;

import dev.linmem.memory.InvalidMemoryTypeException;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocationException;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.module.ValType;

/**
 * The {@code spectest} host module the spec test suite imports, as the reference interpreter
 * defines it: print functions (writing to the stream given here), four globals of value 666, a
 * funcref table of 10 elements (maximum 20), a memory of 1 page (maximum 2), and for the threads
 * suite a shared memory of the same limits. An engine has it when the embedder adds it, like any
 * host module: {@code WasmEngine.builder().hostModule(SpectestModule.printingTo(System.out))}. Every instance that imports from it shares one set of
 * exports, as in the reference interpreter; the memories are made on first import, by the
 * importing engine's allocator (one pair per engine), so that an engine whose modules never import
 * them holds no storage (or pool slots) for them.
 */
public final class SpectestModule implements HostModule {
    public static final String NAME = "spectest";

    private final Map<String, Object> fixedExports = new HashMap<>();
    /** Per engine (its host context): memory name to memory, or to null when its allocator cannot make it. */
    private final Map<HostContext, Map<String, LinearMemory>> memories = Collections.synchronizedMap(new WeakHashMap<>());

    private SpectestModule(PrintStream output) {
        printer(output, "print");
        printer(output, "print_i32", ValType.I32);
        printer(output, "print_i64", ValType.I64);
        printer(output, "print_f32", ValType.F32);
        printer(output, "print_f64", ValType.F64);
        printer(output, "print_i32_f32", ValType.I32, ValType.F32);
        printer(output, "print_f64_f64", ValType.F64, ValType.F64);
        fixedExports.put("global_i32", WasmGlobal.immutable(ValType.I32, 666));
        fixedExports.put("global_i64", WasmGlobal.immutable(ValType.I64, 666L));
        fixedExports.put("global_f32", WasmGlobal.immutable(ValType.F32, 666.6f));
        fixedExports.put("global_f64", WasmGlobal.immutable(ValType.F64, 666.6));
        fixedExports.put("table", WasmTable.create(ValType.FUNCREF, 10, OptionalLong.of(20)));
    }

    /** spectest with its print functions writing to {@code output}, one line per call ({@code print_i32: 1:i32}). */
    public static SpectestModule printingTo(PrintStream output) {
        return new SpectestModule(Objects.requireNonNull(output, "output"));
    }

    /** spectest with print functions that print nowhere. */
    public static SpectestModule silent() {
        return new SpectestModule(new PrintStream(OutputStream.nullOutputStream()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Exports instantiate(HostContext context) {
        return name -> switch (name) {
            case "memory" -> memory(context, name, MemoryType.builder().minimumPages(1).maximumPages(2).build());
            // For the threads suite, when the allocator can make shared memories at all (dynamic
            // ones cannot: a shared memory never moves); else null, an unknown import.
            case "shared_memory" -> memory(context, name, MemoryType.builder().minimumPages(1).maximumPages(2).shared(true).build());
            default -> fixedExports.get(name);
        };
    }

    private LinearMemory memory(HostContext context, String name, MemoryType type) {
        Map<String, LinearMemory> made = memories.computeIfAbsent(context, c -> new HashMap<>());
        synchronized (made) {
            if (!made.containsKey(name)) {
                LinearMemory memory;
                try {
                    memory = context.allocateMemory(type);
                } catch (MemoryAllocationException | InvalidMemoryTypeException e) {
                    if (!type.isShared()) {
                        throw new WasmException(WasmException.Kind.EXHAUSTION, "memory cannot be allocated: " + e.getMessage(), -1, e);
                    }
                    memory = null;
                }
                made.put(name, memory);
            }
            return made.get(name);
        }
    }

    private void printer(PrintStream output, String name, ValType... params) {
        fixedExports.put(name, HostFunction.of(List.of(params), List.of(), (caller, args) -> {
            StringBuilder line = new StringBuilder(name).append(':');
            for (int i = 0; i < params.length; i++) {
                line.append(' ').append(args[i]).append(':').append(params[i].text());
            }
            output.println(line);
            return null;
        }));
    }
}
