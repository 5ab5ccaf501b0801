package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.exception.AbstractTruffleException;

import dev.linmem.memory.LinearMemory;
import dev.linmem.wasm.WasmException.Kind;
import dev.linmem.wasm.host.Caller;
import dev.linmem.wasm.host.HostContext;
import dev.linmem.wasm.host.HostFunction;
import dev.linmem.wasm.host.HostModule;
import dev.linmem.wasm.host.WasmGlobal;
import dev.linmem.wasm.host.WasmTable;
import dev.linmem.wasm.module.ValType;
import dev.linmem.wasm.module.WasmModule;

/**
 * Host functions given per instantiation: they see their caller's memories, return results of
 * every shape, fail with the embedder's own exceptions (unchanged, the instance still usable) or
 * with deliberate traps; host globals and tables are shared with the instances that import them.
 */
class HostFunctionTest {
    private final WasmEngine engine = WasmEngine.create();
    private final List<String> logged = new ArrayList<>();

    @AfterEach
    void close() {
        engine.close();
    }

    private static HostFunction inc(int step) {
        return HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> (Integer) args[0] + step);
    }

    /** Reads the caller's memory with the library's bounds-checked copy. */
    private HostFunction log() {
        return HostFunction.of(List.of(ValType.I32, ValType.I32), List.of(), (caller, args) -> {
            byte[] text = new byte[(Integer) args[1]];
            caller.memory().read(Integer.toUnsignedLong((Integer) args[0]), text, 0, text.length);
            logged.add(new String(text, StandardCharsets.UTF_8));
            return null;
        });
    }

    private static HostFunction split() {
        return HostFunction.of(List.of(ValType.I64), List.of(ValType.I32, ValType.F64),
                        (caller, args) -> new Object[]{(int) ((Long) args[0] >>> 32), ((Long) args[0] & 0xffff_ffffL) / 2.0});
    }

    /** Writes into the caller's memory: the instance reads it back. */
    private static HostFunction store() {
        return HostFunction.of(List.of(ValType.I32), List.of(), (caller, args) -> {
            caller.memory().writeInt(Integer.toUnsignedLong((Integer) args[0]), 0x5eed);
            return null;
        });
    }

    private Imports imports(HostFunction inc) {
        return new Imports().function("env", "inc", inc).function("env", "log", log()).function("env", "split", split()).function("env", "store", store());
    }

    private WasmModule module(String name) {
        return engine.decode(TestModules.bytes(name), name);
    }

    @Test
    void aHostFunctionIsCalledWithItsArgumentsAndReturnsItsResults() {
        WasmInstance m = engine.instantiate(module("host-calls"), imports(inc(1)));
        assertEquals(42, one(m, "inc", 41));
        assertEquals(1000, one(m, "loop", 1000));
        assertArrayEquals(new Object[]{0x12345678, 50.0}, m.invoke("split", 0x12345678_00000064L));
        assertEquals(0x5eed, one(m, "store-then-load", 64));
    }

    @Test
    void theBodySeesTheCallersMemory() {
        WasmInstance first = engine.instantiate(module("host-calls"), imports(inc(1)));
        WasmInstance second = engine.instantiate(module("host-calls"), imports(inc(1)));
        second.memory("memory").write(16, "HELLO".getBytes(StandardCharsets.UTF_8), 0, 5);
        first.invoke("hello");
        second.invoke("hello");
        assertEquals(List.of("hello, host", "HELLO, host"), logged);
    }

    @Test
    void eachInstantiationBindsItsOwnFunctions() {
        WasmModule module = module("host-calls");
        WasmInstance byOne = engine.instantiate(module, imports(inc(1)));
        WasmInstance byTen = engine.instantiate(module, imports(inc(10)));
        assertEquals(5, one(byOne, "loop", 5));
        assertEquals(50, one(byTen, "loop", 5));
    }

    @Test
    void aHostExceptionReachesTheEmbedderUnchangedAndTheInstanceStaysUsable() {
        IllegalStateException thrown = new IllegalStateException("the host gives up");
        HostFunction failing = HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> {
            if ((Integer) args[0] == 7) {
                throw thrown;
            }
            return (Integer) args[0] + 1;
        });
        WasmInstance m = engine.instantiate(module("host-calls"), imports(failing));
        for (int round = 0; round < 3; round++) {
            assertSame(thrown, assertThrows(IllegalStateException.class, () -> m.invoke("loop", 100)), "thrown from the 8th call");
            assertEquals(5, one(m, "loop", 5));
        }
    }

    /** A Truffle exception of the embedder's own (WASI's exit, say) is not mistaken for a trap. */
    @Test
    void aHostsOwnTruffleExceptionIsNotATrap() {
        AbstractTruffleException own = new AbstractTruffleException("exit 3") {
            private static final long serialVersionUID = 1L;
        };
        HostFunction exiting = HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> {
            throw own;
        });
        WasmInstance m = engine.instantiate(module("host-calls"), imports(exiting));
        assertSame(own, assertThrows(AbstractTruffleException.class, () -> m.invoke("inc", 1)));
    }

    @Test
    void aHostFunctionTrapsOnPurpose() {
        HostFunction trapping = HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> {
            throw HostFunction.trap("no more increments");
        });
        WasmInstance m = engine.instantiate(module("host-calls"), imports(trapping));
        assertFails(Kind.TRAP, "no more increments", () -> m.invoke("loop", 3));
        assertFails(Kind.TRAP, "no more increments", () -> m.invoke("inc", 1));
        assertEquals(0, one(m, "loop", 0));
    }

    @Test
    void anAccessOutOfTheCallersMemoryTraps() {
        WasmInstance m = engine.instantiate(module("host-calls"), imports(inc(1)));
        assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("log-at", 65530, 10));
        assertTrue(logged.isEmpty());
        assertFails(Kind.TRAP, "out of bounds memory access", () -> m.invoke("store-then-load", -2));
    }

    @Test
    void aResultOfTheWrongTypeNamesTheFunction() {
        HostFunction sloppy = HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> 1L);
        WasmInstance m = engine.instantiate(module("host-calls"), imports(sloppy));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.invoke("inc", 1));
        assertTrue(e.getMessage().startsWith("host function env.inc returned a wrong result: expected a i32 value, got Long 1"), e.getMessage());
    }

    @Test
    void aMissingOrMistypedImportIsALinkError() {
        WasmModule module = module("host-calls");
        WasmException missing = assertFails(Kind.UNLINKABLE, "unknown import: env.inc (function)",
                        () -> engine.instantiate(module, new Imports().function("env", "log", log())));
        assertTrue(missing.getMessage().endsWith("(function)"), missing.getMessage());
        assertFails(Kind.UNLINKABLE, "incompatible import type: env.inc (function): expected a function of type [I32] -> [I32], got one of type [I64] -> [I32]",
                        () -> engine.instantiate(module, imports(HostFunction.of(List.of(ValType.I64), List.of(ValType.I32), (caller, args) -> 0))));
        Imports memoryForFunction = new Imports().memory("env", "inc", engine.instantiate(module, imports(inc(1))).memory("memory"))
                        .function("env", "log", log()).function("env", "split", split()).function("env", "store", store());
        assertFails(Kind.UNLINKABLE, "incompatible import type: env.inc (function): expected a function, got a memory", () -> engine.instantiate(module, memoryForFunction));
    }

    @Test
    void anExceptionInTheStartFunctionComesOutOfInstantiate() {
        UnsupportedOperationException refused = new UnsupportedOperationException("not now");
        Imports imports = new Imports().function("env", "started", HostFunction.of(List.of(), List.of(), (caller, args) -> {
            throw refused;
        }));
        assertSame(refused, assertThrows(UnsupportedOperationException.class, () -> engine.instantiate(module("host-start"), imports)));
        AtomicInteger starts = new AtomicInteger();
        Imports counting = new Imports().function("env", "started", HostFunction.of(List.of(), List.of(), (caller, args) -> {
            starts.incrementAndGet();
            return null;
        }));
        engine.instantiate(module("host-start"), counting);
        engine.instantiate(module("host-start"), counting);
        assertEquals(2, starts.get(), "the start function runs once per instantiation");
    }

    @Test
    void hostGlobalsAndTablesAreShared() {
        WasmGlobal counter = WasmGlobal.mutable(ValType.I32, 40);
        WasmTable table = WasmTable.create(ValType.FUNCREF, 2, OptionalLong.of(4));
        Imports imports = new Imports().global("env", "counter", counter).global("env", "limit", WasmGlobal.immutable(ValType.I64, 1L << 40))
                        .table("env", "table", table).function("env", "inc", inc(5));
        WasmInstance m = engine.instantiate(module("host-globals"), imports);
        m.invoke("tick");
        m.invoke("tick");
        assertEquals(42, counter.get());
        counter.set(-1);
        m.invoke("tick");
        assertEquals(0, m.exportedGlobal("counter").get());
        assertEquals(1L << 40, one(m, "limit"));
        assertEquals(12, one(m, "call-slot", 7, 1), "the element segment wrote into the host's table");
        assertTrue(table.get(1) != null);
        table.set(0, table.get(1));
        assertEquals(13, one(m, "call-slot", 8, 0));
        assertFails(Kind.TRAP, "uninitialized element", () -> {
            table.set(0, null);
            m.invoke("call-slot", 1, 0);
        });
        assertThrows(IllegalStateException.class, () -> WasmGlobal.immutable(ValType.I32, 1).set(2));
        assertThrows(IllegalArgumentException.class, () -> counter.set(1L));
    }

    /** A function re-exported by its importer keeps the importer as its caller. */
    @Test
    void aReexportedHostFunctionKeepsItsImporterAsCaller() {
        List<String> callers = new ArrayList<>();
        HostFunction who = HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> {
            callers.add(caller.instanceName());
            return 0;
        });
        WasmModule globals = engine.decode(TestModules.bytes("host-globals"), "first");
        WasmInstance first = engine.instantiate(globals, new Imports().global("env", "counter", WasmGlobal.mutable(ValType.I32, 0))
                        .global("env", "limit", WasmGlobal.immutable(ValType.I64, 0L)).table("env", "table", WasmTable.create(ValType.FUNCREF, 2, OptionalLong.empty()))
                        .function("env", "inc", who));
        WasmInstance second = engine.instantiate(module("host-reimport"), new Imports().instance("lib", first));
        second.invoke("inc", 1);
        first.invoke("reexported-inc", 1);
        assertEquals(List.of("first", "first"), callers);
    }

    @Test
    void aHostModuleMakesItsExportsOncePerInstantiation() {
        AtomicInteger instantiations = new AtomicInteger();
        HostModule env = new HostModule() {
            @Override
            public String name() {
                return "env";
            }

            @Override
            public Exports instantiate(HostContext context) {
                int id = instantiations.incrementAndGet();
                return name -> switch (name) {
                    case "inc" -> inc(id * 100);
                    case "log" -> log();
                    case "split" -> split();
                    case "store" -> store();
                    default -> null;
                };
            }
        };
        Imports imports = new Imports().hostModule(env);
        WasmInstance first = engine.instantiate(module("host-calls"), imports);
        WasmInstance second = engine.instantiate(module("host-calls"), imports);
        assertEquals(2, instantiations.get());
        assertEquals(101, one(first, "inc", 1));
        assertEquals(201, one(second, "inc", 1));
        assertNotSame(first.memory("memory"), second.memory("memory"));
    }

    @Test
    void theCallerNamesItsMemories() {
        List<Caller> seen = new ArrayList<>();
        HostFunction record = HostFunction.of(List.of(ValType.I32), List.of(ValType.I32), (caller, args) -> {
            seen.add(caller);
            return 0;
        });
        WasmInstance m = engine.instantiate(module("host-calls"), imports(record));
        m.invoke("inc", 0);
        Caller caller = seen.get(0);
        assertEquals(1, caller.memoryCount());
        LinearMemory memory = m.memory("memory");
        assertSame(memory, caller.memory());
        assertSame(memory, caller.memory(0));
        assertThrows(IndexOutOfBoundsException.class, () -> caller.memory(1));
    }
}
