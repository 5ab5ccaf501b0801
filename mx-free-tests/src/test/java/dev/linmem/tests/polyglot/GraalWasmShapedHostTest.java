package dev.linmem.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One polyglot host, written against GraalWasm 25's API as its documentation shows it, runs
 * unchanged on GraalWasm (language id {@code wasm}) and on linmem ({@code linmem-wasm}): eval gives
 * a module, newInstance(importObject) links it with Java functions and another instance's
 * exports and runs its start function, and the exports member holds functions, the memory as a
 * buffer, and globals with a value member. Only the language id differs between the runs.
 */
class GraalWasmShapedHostTest {
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("the host refuses");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "linmem-wasm"})
    void theSameHostRunsOnBothEngines(String languageId) {
        List<String> logged = new ArrayList<>();
        Refused refused = new Refused();
        AtomicReference<Value> exportsOfExample = new AtomicReference<>();
        try (Context context = Context.newBuilder(languageId).build()) {
            Value lib = PolyglotModules.eval(context, languageId, "lib").newInstance().getMember("exports");
            Value module = PolyglotModules.eval(context, languageId, "example");
            ProxyExecutable log = args -> {
                byte[] text = new byte[args[1].asInt()];
                exportsOfExample.get().getMember("memory").readBuffer(args[0].asInt(), text, 0, text.length);
                if (logged.size() == 1) {
                    throw refused;
                }
                logged.add(new String(text, StandardCharsets.UTF_8));
                return null;
            };
            var imports = ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("log", log)), "lib", lib));
            Value instance = module.newInstance(imports);
            Value exports = instance.getMember("exports");
            exportsOfExample.set(exports);

            assertEquals("wasm-module(example)", module.toString());
            assertEquals("wasm-module-instance(example)", instance.toString());
            assertEquals("wasm-instance-exports(example)", exports.toString());
            assertEquals(Set.of("memory", "calls", "greet", "factorial", "divmod", "addThroughLib", "bump", "store"), exports.getMemberKeys());

            assertEquals(100, exports.getMember("calls").getMember("value").asInt(), "the start function ran in newInstance");
            assertEquals(2432902008176640000L, exports.invokeMember("factorial", 20L).asLong());
            Value factorial = exports.getMember("factorial");
            assertEquals(120L, factorial.execute(5L).asLong());
            Value divmod = exports.invokeMember("divmod", 17, 5);
            assertEquals(3, divmod.getArrayElement(0).asInt());
            assertEquals(2, divmod.getArrayElement(1).asInt());
            assertEquals(5, exports.invokeMember("addThroughLib", 2, 3).asInt());
            exports.invokeMember("bump");
            assertEquals(101, exports.getMember("calls").getMember("value").asInt());
            assertEquals(11, lib.getMember("counter").getMember("value").asInt(), "the imported global is shared");

            exports.invokeMember("greet");
            assertEquals(List.of("hello from wasm"), logged);
            PolyglotException thrown = assertThrows(PolyglotException.class, () -> exports.invokeMember("greet"));
            assertTrue(thrown.isHostException());
            assertSame(refused, thrown.asHostException());
            assertEquals(5, exports.invokeMember("addThroughLib", 2, 3).asInt(), "the instance stays usable");

            exports.invokeMember("store", 64, 0x12345678);
            Value memory = exports.getMember("memory");
            assertTrue(memory.hasBufferElements());
            assertEquals(0x12345678, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 64));
            Value other = module.newInstance(imports).getMember("exports");
            assertEquals(0, other.getMember("memory").readBufferInt(ByteOrder.LITTLE_ENDIAN, 64), "a second instance has its own memory");

            PolyglotException unlinked = assertThrows(PolyglotException.class, () -> module.newInstance(ProxyObject.fromMap(Map.of("lib", lib))));
            assertTrue(unlinked.isGuestException());
            assertTrue(unlinked.getMessage().contains("log"), unlinked.getMessage());
        }
    }
}
