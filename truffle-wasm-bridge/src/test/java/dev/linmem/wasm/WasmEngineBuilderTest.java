package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.linmem.memory.MemoryAllocator;
import dev.linmem.memory.MemoryPool;
import dev.linmem.memory.StaticMemory;
import dev.linmem.wasm.WasmException.Kind;
import dev.linmem.wasm.host.HostContext;
import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.host.HostModule;
import dev.linmem.wasm.host.SpectestModule;
import dev.linmem.wasm.module.ValType;

/** The engine's settings: allocator, host modules (spectest among them, only when asked for), polyglot options, log. */
class WasmEngineBuilderTest {
    @Test
    void spectestIsAHostModuleLikeAnyOther() {
        try (WasmEngine plain = WasmEngine.create()) {
            assertFails(Kind.UNLINKABLE, "unknown import: spectest.print_i32 (function)", () -> TestModules.instantiate(plain, "importer"));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (WasmEngine engine = WasmEngine.builder().hostModule(SpectestModule.printingTo(new PrintStream(printed, true, StandardCharsets.UTF_8))).build()) {
            engine.register("lib", TestModules.instantiate(engine, "lib"));
            TestModules.instantiate(engine, "importer");
        }
        assertEquals("print_i32: 1:i32" + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEngineHostModuleIsImportableByEveryInstantiation() {
        HostModule env = new HostModule() {
            @Override
            public String name() {
                return "env";
            }

            @Override
            public Exports instantiate(HostContext context) {
                return name -> switch (name) {
                    case "inc" -> HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> (Integer) args[0] + 1);
                    case "log", "store" -> HostFunction.of(name.equals("log") ? List.of(ValType.I32, ValType.I32) : List.of(ValType.I32), List.of(), (caller, args) -> null);
                    case "split" -> HostFunction.of(List.of(ValType.I64), List.of(ValType.I32, ValType.F64), (caller, args) -> new Object[]{0, 0.0});
                    default -> null;
                };
            }
        };
        try (WasmEngine engine = WasmEngine.builder().hostModule(env).build()) {
            WasmInstance m = TestModules.instantiate(engine, "host-calls");
            assertEquals(3, TestModules.one(m, "loop", 3));
        }
    }

    @Test
    void modulesGetTheirMemoriesFromTheChosenAllocator() {
        try (MemoryPool pool = MemoryPool.onHeap(1, 4 * 65536)) {
            try (WasmEngine engine = WasmEngine.builder().allocator(pool).build()) {
                assertTrue(TestModules.instantiate(engine, "lib").memory("mem") instanceof StaticMemory);
                assertEquals(0, pool.freeSlots());
                assertFails(Kind.RESOURCE_LIMIT, "memory cannot be allocated", () -> TestModules.instantiate(engine, "lib"));
            }
            assertEquals(1, pool.freeSlots(), "closing the engine returns the slot");
        }
    }

    @Test
    void optionsReachThePolyglotEngineAndItsLogGoesWhereAsked() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (WasmEngine engine = WasmEngine.builder().allocator(MemoryAllocator.dynamicHeap()).option("engine.TraceCompilation", "true")
                        .option("engine.CompileImmediately", "true").option("engine.BackgroundCompilation", "false").logOutput(log).build()) {
            assertEquals(5, TestModules.one(TestModules.instantiate(engine, "lib"), "add", 2, 3));
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("opt done"), log.toString(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WasmEngine.builder().option("engine.NoSuchOption", "1").build());
        assertTrue(e.getMessage().contains("engine.NoSuchOption"), e.getMessage());
    }
}
