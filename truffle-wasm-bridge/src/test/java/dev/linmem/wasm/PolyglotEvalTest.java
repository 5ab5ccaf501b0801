package dev.linmem.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;

import dev.linmem.wasm.language.WasmLanguage;

/** A polyglot host evaluates a binary module: it gets the exports; functions execute, memories are buffers. */
class PolyglotEvalTest {
    private static Source source(String name) {
        return Source.newBuilder(WasmLanguage.ID, ByteSequence.create(TestModules.bytes(name)), name + ".wasm").buildLiteral();
    }

    @Test
    void exportsAreInteropValues() {
        try (Context context = Context.newBuilder(WasmLanguage.ID).build()) {
            Value lib = context.eval(source("lib"));
            assertEquals(5, lib.getMember("add").execute(2, 3).asInt());
            assertEquals(10, lib.getMember("counter").asInt());
            assertTrue(lib.getMemberKeys().contains("mem"));
            Value memory = lib.getMember("mem");
            assertTrue(memory.hasBufferElements());
            assertEquals(2 * 65536, memory.getBufferSize());
            memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 8, 77);
            assertEquals(77, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 8));

            Value numerics = context.eval(source("numerics"));
            assertEquals(-3, numerics.getMember("i32.div_s").execute(-7, 2).asInt());
            assertEquals(2.0f, numerics.getMember("f32.nearest").execute(2.5f).asFloat());
            PolyglotException trap = assertThrows(PolyglotException.class, () -> numerics.getMember("i32.div_s").execute(1, 0));
            assertTrue(trap.isGuestException() && trap.getMessage().startsWith("integer divide by zero"), trap.getMessage());

            Value control = context.eval(source("control"));
            Value pair = control.getMember("swap").execute(1, 2L);
            assertEquals(2L, pair.getArrayElement(0).asLong());
            assertEquals(1, pair.getArrayElement(1).asInt());
        }
    }

    @Test
    void aMalformedModuleIsAGuestError() {
        try (Context context = Context.newBuilder(WasmLanguage.ID).build()) {
            Source garbage = Source.newBuilder(WasmLanguage.ID, ByteSequence.create(new byte[]{0, 'a', 's', 'n', 2, 0, 0, 0}), "bad.wasm").buildLiteral();
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(garbage));
            assertTrue(e.getMessage().startsWith("MALFORMED"), e.getMessage());
        }
    }
}
