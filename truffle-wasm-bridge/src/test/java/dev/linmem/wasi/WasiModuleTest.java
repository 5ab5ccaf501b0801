package dev.linmem.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.linmem.wasm.Imports;
import dev.linmem.wasm.WasmEngine;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmInstance;
import dev.linmem.wasm.module.WasmModule;

/**
 * WASI bound through the engine's host modules ({@link WasiModule} given in {@link Imports}):
 * a WASI command in the text format (echo.wat) prints its arguments and environment and exits
 * with its argument count.
 */
class WasiModuleTest {
    static byte[] echo() throws Exception {
        try (InputStream in = WasiModuleTest.class.getResourceAsStream("echo.wasm")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCommandSeesItsArgumentsAndEnvironmentAndExitsThroughWasiExit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args("echo", "one", "two").env("K", "v").stdout(out).build();
        try (WasmEngine engine = WasmEngine.create(); WasiModule wasi = new WasiModule(config)) {
            WasmInstance instance = engine.instantiate(engine.decode(echo(), "echo"), new Imports().hostModule(wasi));
            WasiExit exit = assertThrows(WasiExit.class, () -> instance.invoke("_start"));
            assertEquals(3, exit.status());
            assertEquals("echo one two\nK=v\n", out.toString(StandardCharsets.UTF_8));
            // The instance stays usable after the exit unwound its frames.
            assertEquals(Errno.FAULT, instance.invoke("bad_pointer")[0]);
        }
    }

    @Test
    void eachInstanceHasItsOwnDescriptors() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args("echo").stdout(out).build();
        try (WasmEngine engine = WasmEngine.create(); WasiModule wasi = new WasiModule(config)) {
            WasmModule module = engine.decode(echo(), "echo");
            WasmInstance first = engine.instantiate(module, new Imports().hostModule(wasi));
            WasmInstance second = engine.instantiate(module, new Imports().hostModule(wasi));
            // proc_exit from the first closes nothing of the second; both print.
            assertThrows(WasiExit.class, () -> first.invoke("_start"));
            assertThrows(WasiExit.class, () -> second.invoke("_start"));
            assertEquals("echo\necho\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aModuleWithoutMemoryGetsFaultForPointersAndNoTrap() throws Exception {
        byte[] bytes;
        try (InputStream in = WasiModuleTest.class.getResourceAsStream("no-memory.wasm")) {
            bytes = in.readAllBytes();
        }
        try (WasmEngine engine = WasmEngine.create(); WasiModule wasi = new WasiModule(WasiConfig.builder().build())) {
            WasmInstance instance = engine.instantiate(engine.decode(bytes, "no-memory"), new Imports().hostModule(wasi));
            assertEquals(Errno.FAULT, instance.invoke("random")[0]);
            assertEquals(Errno.SUCCESS, instance.invoke("close_stdin")[0]);
            assertEquals(Errno.BADF, instance.invoke("close_stdin")[0]);
        }
    }

    @Test
    void aMistypedWasiImportIsALinkError() throws Exception {
        // (module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32) (result i32)))):
        // one parameter too few.
        java.io.ByteArrayOutputStream module = new java.io.ByteArrayOutputStream();
        module.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        module.writeBytes(new byte[] {1, 8, 1, 0x60, 3, 0x7f, 0x7f, 0x7f, 1, 0x7f});
        module.writeBytes(new byte[] {2, 35, 1, 22});
        module.writeBytes("wasi_snapshot_preview1".getBytes(StandardCharsets.US_ASCII));
        module.writeBytes(new byte[] {8});
        module.writeBytes("fd_write".getBytes(StandardCharsets.US_ASCII));
        module.writeBytes(new byte[] {0, 0});
        byte[] bytes = module.toByteArray();
        try (WasmEngine engine = WasmEngine.create(); WasiModule wasi = new WasiModule(WasiConfig.builder().build())) {
            WasmException e = assertThrows(WasmException.class, () -> engine.instantiate(engine.decode(bytes, "m"), new Imports().hostModule(wasi)));
            assertEquals(WasmException.Kind.UNLINKABLE, e.kind());
        }
    }

    @Test
    void everyFunctionHasTheSignatureOfTheWitx() {
        assertEquals(46, Preview1Function.values().length);
        assertEquals("(i32, i64, i32) -> (i32)", signature(Preview1Function.CLOCK_TIME_GET));
        assertEquals("(i32, i32, i32, i32, i32, i64, i64, i32, i32) -> (i32)", signature(Preview1Function.PATH_OPEN));
        assertEquals("(i32) -> ()", signature(Preview1Function.PROC_EXIT));
        assertEquals("() -> (i32)", signature(Preview1Function.SCHED_YIELD));
        assertEquals(Preview1Function.FD_READDIR, Preview1Function.byImportName("fd_readdir"));
    }

    private static String signature(Preview1Function function) {
        var type = WasiModule.typeOf(function);
        return "(" + String.join(", ", java.util.Arrays.stream(type.params()).map(t -> t.text()).toList()) + ") -> ("
                        + String.join(", ", java.util.Arrays.stream(type.results()).map(t -> t.text()).toList()) + ")";
    }
}
