package dev.linmem.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

import dev.linmem.wasm.language.WasmLanguage;

/**
 * A polyglot host refused by the ownership model (another thread is inside the instance's unshared
 * memory) gets a guest exception that says why, not an internal error, on every path: calling an
 * export and using the memory as a buffer. Once the other thread has left, the same calls work.
 */
class PolyglotMemoryOwnershipTest {

    @Test
    void aSecondThreadIsRefusedWithAGuestExceptionAndLetInAfterwards() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProxyExecutable pause = arguments -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        try (Context context = Context.newBuilder(WasmLanguage.ID).build()) {
            Value module = context.eval(Source.newBuilder(WasmLanguage.ID, ByteSequence.create(TestModules.bytes("held-by-a-thread")), "held").buildLiteral());
            Value exports = module.newInstance(ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("pause", pause))))).getMember("exports");
            Thread holder = new Thread(() -> exports.invokeMember("hold"), "holder");
            holder.start();
            assertTrue(inside.await(30, TimeUnit.SECONDS));

            PolyglotException call = assertThrows(PolyglotException.class, () -> exports.invokeMember("peek"));
            assertRefusedBy("holder", call);
            Value memory = exports.getMember("mem");
            PolyglotException buffer = assertThrows(PolyglotException.class, () -> memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 0));
            assertRefusedBy("holder", buffer);

            release.countDown();
            holder.join(30_000);
            assertFalse(holder.isAlive());
            assertEquals(42, exports.invokeMember("peek").asInt());
            assertEquals(42, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 0));
        } finally {
            release.countDown();
        }
    }

    private static void assertRefusedBy(String owner, PolyglotException refused) {
        assertTrue(refused.isGuestException(), "a guest exception, not an internal error: " + refused);
        assertFalse(refused.isInternalError(), refused::toString);
        assertTrue(refused.getMessage().contains("is in use by thread \"" + owner + "\""), refused.getMessage());
    }
}
