package dev.linmem.example;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.oracle.truffle.api.Truffle;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasi.WasiConfig;
import dev.linmem.wasi.WasiExit;
import dev.linmem.wasi.WasiModule;
import dev.linmem.wasm.Imports;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.module.ValType;

/**
 * Runs greet.wasm, which imports two host functions: {@code env.print} reads a string out of the
 * guest's memory, {@code env.answer} returns a number. Prints what the guest printed and what its
 * {@code main} returned, and fails when Truffle runs without its optimizing runtime (a JVM flag or
 * the compiler jars missing). Then runs hello-wasi.wasm, a C program for wasm32-wasi, with WASI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String runtime = Truffle.getRuntime().getName();
        if (runtime.equals("Interpreted")) {
            System.err.println("Truffle runs interpreter-only: pass the JVM flags of run.sh (JVMCI and the compiler jars)");
            System.exit(1);
        }
        byte[] wasm = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "greet.wasm"));

        HostFunction print = HostFunction.of(List.of(ValType.I32, ValType.I32), List.of(), (caller, arguments) -> {
            byte[] text = new byte[(Integer) arguments[1]];
            caller.memory().read(Integer.toUnsignedLong((Integer) arguments[0]), text, 0, text.length);
            System.out.println(new String(text, StandardCharsets.UTF_8));
            return null;
        });
        HostFunction answer = HostFunction.of(List.of(), List.of(ValType.I32), (caller, arguments) -> 21);

        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.staticNative()).build()) {
            WasmInstance greet = engine.instantiate(engine.decode(wasm, "greet"),
                            new Imports().function("env", "print", print).function("env", "answer", answer));
            System.out.println("main returned " + greet.invoke("main")[0] + " (runtime: " + runtime + ")");
        }
        runWasiProgram(Path.of(args.length > 1 ? args[1] : "hello-wasi.wasm"));
    }

    /**
     * Runs a C program built for wasm32-wasi ({@code hello-wasi.c}) with WASI as a host module:
     * its arguments, one environment variable and this process's standard streams; its exit
     * status arrives as {@link WasiExit}.
     */
    private static void runWasiProgram(Path program) throws Exception {
        WasiConfig config = WasiConfig.builder()
                        .args(program.getFileName().toString(), "from", "the embedder")
                        .env("GREETING", "hello from Java")
                        .inheritStdio()
                        .build();
        try (WasmEngine engine = WasmEngine.create(); WasiModule wasi = new WasiModule(config)) {
            WasmInstance instance = engine.instantiate(engine.decode(Files.readAllBytes(program), "hello-wasi"), new Imports().hostModule(wasi));
            try {
                instance.invoke("_start");
                System.out.println("the WASI program returned without proc_exit");
            } catch (WasiExit exit) {
                System.out.println("the WASI program exited with status " + exit.status());
            }
        }
    }
}
