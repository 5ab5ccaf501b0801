package dev.linmem.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.memory.DynamicMemory;
import dev.linmem.memory.LinearMemory;
import dev.linmem.memory.MemoryType;
import dev.linmem.memory.StaticMemory;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * A JavaScript guest (GraalJS) reads and writes a linmem memory through the interop buffer
 * messages alone: it never heard of linmem. Out-of-range access is a JavaScript error.
 */
class JavaScriptSharesMemoryTest {
    private static void roundTrip(LinearMemory memory) {
        try (Context context = Context.newBuilder("js").build()) {
            context.getBindings("js").putMember("memory", memory);
            memory.writeInt(0x40, 0x11223344);
            Value read = context.eval("js", "new DataView(memory).getInt32(0x40, true)");
            assertEquals(0x11223344, read.asInt());
            context.eval("js", "new DataView(memory).setFloat64(0x80, 2.5, true)");
            assertEquals(2.5, memory.readDouble(0x80));
            assertEquals(65536, context.eval("js", "new DataView(memory).byteLength").asInt());
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> context.eval("js", "new DataView(memory).getInt32(65534, true)"));
            assertTrue(e.isGuestException(), e.getMessage());
        }
    }

    @Test
    void javaScriptReadsAndWritesADynamicNativeMemory() {
        try (LinearMemory memory = DynamicMemory.offHeap(MemoryType.of(1, 2))) {
            roundTrip(memory);
        }
    }

    @Test
    void javaScriptReadsAndWritesAStaticHeapMemory() {
        try (LinearMemory memory = StaticMemory.onHeap(MemoryType.of(1, 2), 2L << 16)) {
            roundTrip(memory);
        }
    }
}
