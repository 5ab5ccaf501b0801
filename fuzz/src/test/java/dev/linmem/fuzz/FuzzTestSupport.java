package dev.linmem.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.linmem.fuzz.tools.Toolchain;

/** What the fuzz module's tests share: the toolchain (installed on first use) and test modules. */
public final class FuzzTestSupport {
    private static Toolchain tools;

    private FuzzTestSupport() {
    }

    /** The fuzz module's node and binaryen; {@code npm ci} runs first if they are not installed. */
    public static synchronized Toolchain tools() {
        if (tools == null) {
            tools = Toolchain.locate(Path.of(System.getProperty("linmem.fuzz.home", ".")));
        }
        return tools;
    }

    /** A committed test module: {@code NAME.wasm} (made from {@code NAME.wat} with wat2wasm) under dev/linmem/fuzz. */
    public static byte[] module(String name) {
        try (InputStream in = FuzzTestSupport.class.getResourceAsStream(name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name + ".wasm");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
