package dev.linmem.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASI for polyglot contexts: {@code linmem-wasm.Builtins=wasi_snapshot_preview1}, GraalWasm's
 * option under linmem's language id, with the program's arguments from the context's arguments,
 * its environment from the context's and its output to the context's stream.
 */
class PolyglotWasiTest {
    @TempDir
    Path dir;

    private static Source echo() throws Exception {
        return Source.newBuilder("linmem-wasm", ByteSequence.create(WasiModuleTest.echo()), "echo.wasm").build();
    }

    @Test
    void theContextsArgumentsEnvironmentAndOutputAreTheProgramsAndItsExitIsAnExit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("linmem-wasm")
                        .option("linmem-wasm.Builtins", "wasi_snapshot_preview1")
                        .arguments("linmem-wasm", new String[] {"echo.wasm", "x", "y", "z"})
                        .environment(Map.of("GREETING", "hello"))
                        .out(out)
                        .build()) {
            Value exports = context.eval(echo()).newInstance().getMember("exports");
            PolyglotException exit = assertThrows(PolyglotException.class, () -> exports.invokeMember("_start"));
            assertTrue(exit.isExit(), exit.toString());
            assertEquals(4, exit.getExitStatus());
            assertEquals("echo.wasm x y z\nGREETING=hello\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutTheOptionAWasiModuleDoesNotLink() throws Exception {
        try (Context context = Context.newBuilder("linmem-wasm").build()) {
            Value module = context.eval(echo());
            PolyglotException e = assertThrows(PolyglotException.class, module::newInstance);
            assertTrue(e.getMessage().contains("wasi_snapshot_preview1"), e.getMessage());
        }
    }

    @Test
    void theSameModuleInstantiatesTwiceEachWithItsOwnDescriptors() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("linmem-wasm")
                        .option("linmem-wasm.Builtins", "wasi_snapshot_preview1")
                        .arguments("linmem-wasm", new String[] {"echo.wasm"})
                        .out(out)
                        .build()) {
            Value module = context.eval(echo());
            for (int i = 0; i < 2; i++) {
                Value exports = module.newInstance().getMember("exports");
                assertEquals(1, assertThrows(PolyglotException.class, () -> exports.invokeMember("_start")).getExitStatus());
            }
            assertEquals("echo.wasm\necho.wasm\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void unknownBuiltinsAndDirectoriesWithoutIoAreRefusedWhenTheContextIsBuilt() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                        () -> Context.newBuilder("linmem-wasm").option("linmem-wasm.Builtins", "emscripten").build());
        assertTrue(unknown.getMessage().contains("emscripten"), unknown.getMessage());
        PolyglotException noIo = assertThrows(PolyglotException.class, () -> {
            try (Context context = Context.newBuilder("linmem-wasm")
                            .option("linmem-wasm.Builtins", "wasi_snapshot_preview1")
                            .option("linmem-wasm.WasiMapDirs", "/data::" + dir)
                            .build()) {
                context.initialize("linmem-wasm");
            }
        });
        assertTrue(noIo.getMessage().contains("allowIO"), noIo.getMessage());
    }

    @Test
    void mappedDirectoriesArePreopens() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("linmem-wasm")
                        .option("linmem-wasm.Builtins", "wasi_snapshot_preview1")
                        .option("linmem-wasm.WasiMapDirs", "/data::" + dir)
                        .allowIO(IOAccess.ALL)
                        .arguments("linmem-wasm", new String[] {"echo.wasm"})
                        .out(out)
                        .build()) {
            Value exports = context.eval(echo()).newInstance().getMember("exports");
            PolyglotException exit = assertThrows(PolyglotException.class, () -> exports.invokeMember("_start"));
            assertEquals(1, exit.getExitStatus());
            assertEquals("echo.wasm\n", out.toString(StandardCharsets.UTF_8));
        }
    }
}
