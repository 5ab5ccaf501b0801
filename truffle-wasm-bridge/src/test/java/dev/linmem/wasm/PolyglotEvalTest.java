package dev.linmem.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;
import dev.linmem.wasm.language.WasmLanguage;

/**
 * The polyglot API in GraalWasm 25's shape: eval gives a module; newInstance links eagerly against
 * an import object and runs the start function; the instance's exports member holds executable,
 * invocable functions, memories as buffers, globals with a value member, and tables.
 */
class PolyglotEvalTest {
    private final Context context = Context.newBuilder(WasmLanguage.ID).build();

    @AfterEach
    void close() {
        context.close();
    }

    private Value module(String name) {
        return context.eval(Source.newBuilder(WasmLanguage.ID, ByteSequence.create(TestModules.bytes(name)), name).buildLiteral());
    }

    private static ProxyObject imports(Map<String, Object> env) {
        return ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(env)));
    }

    @Test
    void evalGivesAModuleThatInstantiatesManyTimes() {
        Value lib = module("lib");
        assertTrue(lib.canInstantiate());
        assertFalse(lib.canExecute());
        assertEquals("wasm-module(lib)", lib.toString());
        Value first = lib.newInstance();
        Value second = lib.newInstance();
        assertEquals("wasm-module-instance(lib)", first.toString());
        assertEquals(List.of("exports"), List.copyOf(first.getMemberKeys()));
        Value exports = first.getMember("exports");
        assertEquals("wasm-instance-exports(lib)", exports.toString());
        assertEquals(List.of("add", "counter", "constant", "mem"), List.copyOf(exports.getMemberKeys()));
        exports.getMember("mem").writeBufferInt(ByteOrder.LITTLE_ENDIAN, 8, 77);
        assertEquals(77, exports.getMember("mem").readBufferInt(ByteOrder.LITTLE_ENDIAN, 8));
        assertEquals(0, second.getMember("exports").getMember("mem").readBufferInt(ByteOrder.LITTLE_ENDIAN, 8), "each instance has its own memory");
    }

    @Test
    void exportsAreFunctionsMemoriesGlobalsAndTables() {
        Value exports = module("lib").newInstance().getMember("exports");
        assertEquals(5, exports.invokeMember("add", 2, 3).asInt());
        assertTrue(exports.canInvokeMember("add"));
        assertEquals(5, exports.getMember("add").execute(2, 3).asInt());
        assertEquals("wasm-function(lib.add)", exports.getMember("add").toString());
        Value memory = exports.getMember("mem");
        assertTrue(memory.hasBufferElements());
        assertEquals(2 * 65536, memory.getBufferSize());
        Value counter = exports.getMember("counter");
        assertEquals(10, counter.getMember("value").asInt());
        counter.putMember("value", 11);
        assertEquals(11, exports.getMember("counter").getMember("value").asInt());
        assertEquals("wasm-global(mut i32)", counter.toString());
        assertThrows(UnsupportedOperationException.class, () -> exports.getMember("constant").putMember("value", 4));

        Value numerics = module("numerics").newInstance().getMember("exports");
        assertEquals(-3, numerics.invokeMember("i32.div_s", -7, 2).asInt());
        assertEquals(2.0f, numerics.invokeMember("f32.nearest", 2.5f).asFloat());
        PolyglotException trap = assertThrows(PolyglotException.class, () -> numerics.invokeMember("i32.div_s", 1, 0));
        assertTrue(trap.isGuestException() && trap.getMessage().startsWith("integer divide by zero"), trap.getMessage());

        Value pair = module("control").newInstance().getMember("exports").invokeMember("swap", 1, 2L);
        assertEquals(2L, pair.getArrayElement(0).asLong());
        assertEquals(1, pair.getArrayElement(1).asInt());
        Value table = module("shareable").newInstance().getMember("exports").getMember("table");
        assertEquals("wasm-table(funcref, 2 elements)", table.toString());
        assertFalse(table.hasMembers());
    }

    @Test
    void importsComeFromTheImportObject() {
        AtomicReference<Value> exports = new AtomicReference<>();
        List<String> logged = new ArrayList<>();
        Map<String, Object> env = Map.of(
                        "inc", (ProxyExecutable) args -> args[0].asInt() + 1,
                        "log", (ProxyExecutable) args -> {
                            byte[] bytes = new byte[args[1].asInt()];
                            exports.get().getMember("memory").readBuffer(args[0].asInt(), bytes, 0, bytes.length);
                            logged.add(new String(bytes, StandardCharsets.UTF_8));
                            return null;
                        },
                        "split", (ProxyExecutable) args -> ProxyArray.fromArray(7, 0.5),
                        "store", (ProxyExecutable) args -> {
                            exports.get().getMember("memory").writeBufferInt(ByteOrder.LITTLE_ENDIAN, args[0].asInt(), 99);
                            return null;
                        });
        exports.set(module("host-calls").newInstance(imports(env)).getMember("exports"));
        assertEquals(1000, exports.get().invokeMember("loop", 1000).asInt());
        exports.get().invokeMember("hello");
        assertEquals(List.of("hello, host"), logged);
        Value split = exports.get().invokeMember("split", 0L);
        assertEquals(7, split.getArrayElement(0).asInt());
        assertEquals(0.5, split.getArrayElement(1).asDouble());
        assertEquals(99, exports.get().invokeMember("store-then-load", 32).asInt());
    }

    @Test
    void anotherInstancesExportsAndLinmemMemoriesAreImportable() {
        Value lib = module("lib").newInstance().getMember("exports");
        Value shareable = module("shareable").newInstance().getMember("exports");
        Value first = module("host-globals").newInstance(imports(Map.of("counter", lib.getMember("counter"), "limit", shareable.getMember("limit"),
                        "table", shareable.getMember("table"), "inc", (ProxyExecutable) args -> args[0].asInt() + 2)));
        Value firstExports = first.getMember("exports");
        firstExports.invokeMember("tick");
        assertEquals(11, lib.getMember("counter").getMember("value").asInt(), "the global is shared");
        assertEquals(99L, firstExports.invokeMember("limit").asLong());
        Value second = module("host-reimport").newInstance(ProxyObject.fromMap(Map.of("lib", firstExports)));
        assertEquals(5, second.getMember("exports").invokeMember("inc", 3).asInt());

        try (LinearMemory memory = DynamicMemory.onHeap(MemoryType.of(1, 4))) {
            Value user = module("host-memory").newInstance(imports(Map.of("memory", memory)));
            memory.writeInt(8, 1234);
            assertEquals(1234, user.getMember("exports").invokeMember("peek", 8).asInt());
        }
    }

    @Test
    void theStartFunctionRunsInNewInstance() {
        List<String> calls = new ArrayList<>();
        Value module = module("host-start");
        ProxyObject imports = imports(Map.of("started", (ProxyExecutable) args -> {
            calls.add("started");
            return null;
        }));
        module.newInstance(imports);
        module.newInstance(imports);
        assertEquals(List.of("started", "started"), calls);
    }

    @Test
    void aMissingOrMistypedImportIsALinkError() {
        PolyglotException missing = assertThrows(PolyglotException.class, () -> module("host-start").newInstance());
        assertTrue(missing.isGuestException());
        assertEquals("UNLINKABLE: unknown import: env.started (function)", missing.getMessage());
        PolyglotException noModule = assertThrows(PolyglotException.class, () -> module("host-start").newInstance(ProxyObject.fromMap(Map.of())));
        assertEquals("UNLINKABLE: unknown import: env.started (function)", noModule.getMessage());
        PolyglotException mistyped = assertThrows(PolyglotException.class, () -> module("host-start").newInstance(imports(Map.of("started", 42))));
        assertEquals("UNLINKABLE: incompatible import type: env.started (function): expected a function, got integer 42", mistyped.getMessage());
        PolyglotException wrongFunction = assertThrows(PolyglotException.class,
                        () -> module("host-start").newInstance(imports(Map.of("started", module("lib").newInstance().getMember("exports").getMember("add")))));
        assertTrue(wrongFunction.getMessage().startsWith("UNLINKABLE: incompatible import type: env.started (function): expected a function of type [] -> []"),
                        wrongFunction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> module("host-start").newInstance(42));
    }

    @Test
    void aHostExceptionReachesTheHostAndTheInstanceStaysUsable() {
        IllegalStateException thrown = new IllegalStateException("no");
        Value exports = module("host-calls").newInstance(imports(Map.of(
                        "inc", (ProxyExecutable) args -> {
                            if (args[0].asInt() == 3) {
                                throw thrown;
                            }
                            return args[0].asInt() + 1;
                        },
                        "log", (ProxyExecutable) args -> null,
                        "split", (ProxyExecutable) args -> "not two numbers",
                        "store", (ProxyExecutable) args -> null))).getMember("exports");
        PolyglotException e = assertThrows(PolyglotException.class, () -> exports.invokeMember("loop", 10));
        assertTrue(e.isHostException());
        assertSame(thrown, e.asHostException());
        assertEquals(2, exports.invokeMember("loop", 2).asInt());
        PolyglotException badResult = assertThrows(PolyglotException.class, () -> exports.invokeMember("split", 1L));
        assertTrue(badResult.isGuestException());
        assertEquals("env.split must return an array of 2 results", badResult.getMessage());
    }

    @Test
    void builtinHostModulesAreAnOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context withSpectest = Context.newBuilder(WasmLanguage.ID).option("linmem-wasm.Builtins", "spectest").out(out).build()) {
            Value lib = withSpectest.eval(Source.newBuilder(WasmLanguage.ID, ByteSequence.create(TestModules.bytes("lib")), "lib").buildLiteral());
            Value importer = withSpectest.eval(Source.newBuilder(WasmLanguage.ID, ByteSequence.create(TestModules.bytes("importer")), "importer").buildLiteral());
            Value instance = importer.newInstance(ProxyObject.fromMap(Map.of("lib", lib.newInstance().getMember("exports"))));
            assertEquals(1, instance.getMember("exports").invokeMember("start-ran").asInt());
        }
        assertEquals("print_i32: 1:i32" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                        () -> Context.newBuilder(WasmLanguage.ID).option("linmem-wasm.Builtins", "posix").build());
        assertTrue(unknown.getMessage().contains("unknown builtin module 'posix'"), unknown.getMessage());
        PolyglotException withoutIt = assertThrows(PolyglotException.class, () -> module("importer").newInstance());
        assertTrue(withoutIt.getMessage().startsWith("UNLINKABLE: unknown import: spectest."), withoutIt.getMessage());
    }

    @Test
    void aMalformedModuleIsAGuestError() {
        Source garbage = Source.newBuilder(WasmLanguage.ID, ByteSequence.create(new byte[]{0, 'a', 's', 'n', 2, 0, 0, 0}), "bad.wasm").buildLiteral();
        PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(garbage));
        assertTrue(e.getMessage().startsWith("MALFORMED"), e.getMessage());
        assertNotSame(null, e);
    }
}
