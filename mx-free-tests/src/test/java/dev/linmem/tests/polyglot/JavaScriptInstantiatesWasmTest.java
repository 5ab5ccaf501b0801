package dev.linmem.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JavaScript program (GraalJS) in the same context instantiates a wasm module with JavaScript
 * functions and another instance's exports as imports, calls its exports, and reads its memory
 * as an ArrayBuffer through a DataView and a typed array, the WebAssembly JS API's way. It runs
 * unchanged on GraalWasm and on linmem.
 */
class JavaScriptInstantiatesWasmTest {
    private static final String PROGRAM = """
                    const lib = new libModule().exports;
                    const logged = [];
                    let exports;
                    const instance = new exampleModule({
                        env: {
                            log: (address, length) => {
                                const bytes = new Uint8Array(exports.memory, address, length);
                                logged.push(String.fromCharCode(...bytes));
                            },
                        },
                        lib: lib,
                    });
                    exports = instance.exports;
                    exports.greet();
                    exports.store(8, 0x01020304);
                    const view = new DataView(exports.memory);
                    const quotientAndRemainder = exports.divmod(17, 5);
                    [logged[0], view.getUint32(8, true), exports.addThroughLib(40, 2), view.byteLength,
                     exports.calls.value, quotientAndRemainder[0], quotientAndRemainder[1]].join(',');
                    """;

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "linmem-wasm"})
    void javaScriptInstantiatesAModuleAndReadsItsMemory(String languageId) {
        try (Context context = Context.newBuilder("js", languageId).build()) {
            Value bindings = context.getBindings("js");
            bindings.putMember("libModule", PolyglotModules.eval(context, languageId, "lib"));
            bindings.putMember("exampleModule", PolyglotModules.eval(context, languageId, "example"));
            assertEquals("hello from wasm," + 0x01020304 + ",42,65536,100,3,2", context.eval("js", PROGRAM).asString());
        }
    }
}
