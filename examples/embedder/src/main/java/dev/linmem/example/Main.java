package dev.linmem.example;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.oracle.truffle.api.Truffle;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.wasm.Imports;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.module.ValType;

/**
 * Runs greet.wasm, which imports two host functions: {@code env.print} reads a string out of the
 * guest's memory, {@code env.answer} returns a number. Prints what the guest printed and what its
 * {@code main} returned, and fails when Truffle runs without its optimizing runtime (a JVM flag or
 * the compiler jars missing).
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
        // WASI hook: when the WASI host module (dev.linmem.wasi, branch wasi) is merged, this
        // example also runs a C program built for wasm32-wasi, with WASI added to the engine as a
        // host module: WasmEngine.builder().hostModule(<the WASI module>).
    }
}
