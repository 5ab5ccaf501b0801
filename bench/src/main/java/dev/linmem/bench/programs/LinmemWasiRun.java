package dev.linmem.bench.programs;

import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasi.WasiConfig;
import dev.linmem.wasi.WasiExit;
import dev.linmem.wasi.WasiModule;
import dev.linmem.wasm.Imports;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.module.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a WASI command on linmem through its embedding API, as {@code bin/linmem run} does, for
 * the steady-state loop (whole-process runs go through {@code bin/linmem run} itself):
 * <pre>
 *   LinmemWasiRun [--memory static|dynamic] [--storage heap|native] [steady options]
 *                 [--dir HOST[::GUEST]]... [--env NAME=VALUE]... PROG.wasm [ARGS...]
 * </pre>
 * The module is decoded once into one engine; every run instantiates it anew with a new WASI
 * module, and the run's memories are freed when it ends (the engine would keep native storage
 * until it closes).
 */
public final class LinmemWasiRun implements WasiProgram {
    private final WasiCommandLine command;
    private final RunAllocator allocator;
    private final WasmEngine engine;
    private final WasmModule module;

    LinmemWasiRun(WasiCommandLine command) throws IOException {
        this.command = command;
        allocator = new RunAllocator(preset(command.memory().getOrDefault("memory", "dynamic"),
                        command.memory().getOrDefault("storage", "heap")));
        engine = WasmEngine.builder().allocator(allocator).build();
        module = engine.decode(Files.readAllBytes(command.program()), command.program().getFileName().toString());
    }

    public static void main(String[] args) {
        WasiRunnerMain.main("LinmemWasiRun", args, true, LinmemWasiRun::new);
    }

    /** The memory kinds of {@code bin/linmem run --memory --storage}. */
    static MemoryAllocator preset(String memory, String storage) {
        return switch (memory + " " + storage) {
            case "dynamic heap" -> MemoryAllocator.dynamicHeap();
            case "dynamic native" -> MemoryAllocator.dynamicNative();
            case "static heap" -> MemoryAllocator.staticHeap();
            case "static native" -> MemoryAllocator.staticNative();
            default -> throw new IllegalArgumentException("--memory " + memory + " --storage " + storage
                            + ": expected static|dynamic and heap|native");
        };
    }

    @Override
    public int run(InputStream stdin, OutputStream stdout, OutputStream stderr) throws IOException {
        WasiConfig.Builder config = WasiConfig.builder().args(command.argv()).stdin(stdin, false).stdout(stdout, false)
                        .stderr(stderr, false);
        command.env().forEach(config::env);
        command.dirs().forEach(dir -> config.preopen(dir.host(), dir.guest()));
        try (WasiModule wasi = new WasiModule(config.build())) {
            engine.instantiate(module, new Imports().hostModule(wasi)).invoke("_start");
            return 0;
        } catch (WasiExit exit) {
            return exit.status();
        } finally {
            allocator.freeThisRun();
        }
    }

    @Override
    public void close() {
        engine.close();
        allocator.freeThisRun();
    }

    /** The chosen preset, remembering the memories of the current run so that they are freed when it ends. */
    private static final class RunAllocator implements MemoryAllocator {
        private final MemoryAllocator preset;
        private final List<LinearMemory> thisRun = new ArrayList<>();

        RunAllocator(MemoryAllocator preset) {
            this.preset = preset;
        }

        @Override
        public synchronized LinearMemory allocate(MemoryType type) {
            LinearMemory memory = preset.allocate(type);
            thisRun.add(memory);
            return memory;
        }

        synchronized void freeThisRun() {
            thisRun.forEach(LinearMemory::close);
            thisRun.clear();
        }
    }
}
