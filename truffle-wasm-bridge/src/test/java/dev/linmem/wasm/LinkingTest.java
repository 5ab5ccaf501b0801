package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.linmem.wasm.WasmException.Kind;
import dev.linmem.wasm.host.SpectestModule;
import dev.linmem.wasm.module.ExternalKind;
import dev.linmem.wasm.module.ValType;

/** Imports from spectest and registered instances, type checks, start functions, segment traps. */
class LinkingTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private WasmEngine engine;
    private WasmInstance lib;

    @BeforeEach
    void registerLib() {
        engine = WasmEngine.builder().hostModule(SpectestModule.printingTo(new PrintStream(printed, true, StandardCharsets.UTF_8))).build();
        lib = TestModules.instantiate(engine, "lib");
        engine.register("lib", lib);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void importsResolveAndTheStartFunctionRuns() {
        WasmInstance m = TestModules.instantiate(engine, "importer");
        assertEquals(5, one(m, "add-imported", 2, 3));
        assertEquals(670, one(m, "derived"), "extended-const over an imported global");
        assertEquals(1, one(m, "start-ran"));
        assertEquals(42, one(m, "byte100"), "data segment written into spectest's memory");
        assertEquals(9, one(m, "call-slot3", 4, 5), "element segment written into spectest's table");
        m.invoke("bump-counter");
        assertEquals(11, lib.global("counter"), "an imported mutable global is shared");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("print_i32: 1"));
    }

    @Test
    void exportsDescribeTheirTypes() {
        List<WasmExport> exports = lib.exports();
        assertEquals(new WasmExport("add", ExternalKind.FUNCTION, List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), exports.get(0));
        assertEquals(new WasmExport("counter", ExternalKind.GLOBAL, List.of(), List.of(ValType.I32)), exports.get(1));
        assertEquals(ExternalKind.MEMORY, exports.get(3).kind());
        assertEquals(3, lib.global("constant"));
        assertEquals(2, lib.memory("mem").pages());
    }

    @Test
    void unlinkableImports() {
        assertFails(Kind.UNLINKABLE, "unknown import", () -> TestModules.instantiate(engine, "unknown-import"));
        assertFails(Kind.UNLINKABLE, "incompatible import type", () -> TestModules.instantiate(engine, "wrong-function-type"));
        assertFails(Kind.UNLINKABLE, "incompatible import type", () -> TestModules.instantiate(engine, "wrong-global-mutability"));
        assertFails(Kind.UNLINKABLE, "incompatible import type", () -> TestModules.instantiate(engine, "needs-more"));
    }

    @Test
    void aTrappingDataSegmentKeepsEarlierWrites() {
        assertFails(Kind.TRAP, "out of bounds memory access", () -> TestModules.instantiate(engine, "partial-init"));
        assertEquals(1, lib.memory("mem").readByte(0));
        assertEquals(2, lib.memory("mem").readByte(1));
    }

    @Test
    void anUnregisteredModuleNameIsUnknown() {
        try (WasmEngine other = WasmEngine.create()) {
            assertFails(Kind.UNLINKABLE, "unknown import", () -> TestModules.instantiate(other, "importer"));
        }
    }
}
