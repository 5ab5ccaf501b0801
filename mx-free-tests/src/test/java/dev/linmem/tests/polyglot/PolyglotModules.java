package dev.linmem.tests.polyglot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/** The committed test modules under src/test/resources/polyglot (NAME.wat beside NAME.wasm, made with wat2wasm). */
final class PolyglotModules {
    private PolyglotModules() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = PolyglotModules.class.getResourceAsStream("/polyglot/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalStateException("polyglot/" + name + ".wasm is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code context.eval} of the module {@code name} in the language {@code languageId}: GraalWasm's way, and linmem's. */
    static Value eval(Context context, String languageId, String name) {
        return context.eval(Source.newBuilder(languageId, ByteSequence.create(bytes(name)), name).buildLiteral());
    }
}
