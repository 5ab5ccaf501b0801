package dev.linmem.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written test modules: {@code NAME.wat} beside the committed {@code NAME.wasm} in
 * src/test/resources/dev/linmem/wasm (made with Debian's wat2wasm, so the tests need no wabt).
 */
final class TestModules {
    private TestModules() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestModules.class.getResourceAsStream(name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name + ".wasm");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WasmInstance instantiate(WasmEngine engine, String name) {
        return engine.instantiate(engine.decode(bytes(name), name));
    }

    /** Asserts that {@code action} fails with {@code kind} and a message starting with {@code text}. */
    static WasmException assertFails(WasmException.Kind kind, String text, Executable action) {
        WasmException e = assertThrows(WasmException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith(text), () -> "message \"" + e.getMessage() + "\" does not start with \"" + text + "\"");
        return e;
    }

    static Object one(WasmInstance instance, String export, Object... args) {
        Object[] results = instance.invoke(export, args);
        assertEquals(1, results.length);
        return results[0];
    }
}
