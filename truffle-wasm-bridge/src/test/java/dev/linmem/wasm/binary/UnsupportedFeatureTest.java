package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.UnsupportedFeatureException;
import dev.linmem.wasm.UnsupportedFeatureException.Feature;
import dev.linmem.wasm.WasmException;
import dev.linmem.wasm.WasmException.Kind;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Modules that use a WebAssembly 3.0 feature linmem does not implement are refused at decode with
 * kind UNSUPPORTED, naming the feature, the construct and its byte offset; bytes that are no Wasm 3.0
 * encoding at all stay malformed, and a module that is invalid or malformed before the feature is
 * reported as such.
 */
class UnsupportedFeatureTest {

    private static final String HEADER = "0061736d01000000";
    /** Type section {@code [] -> []}, function section with one function of it. */
    private static final String ONE_FUNCTION = "01040160000003020100";

    private record Case(String name, String hexAfterHeader, Feature feature, String construct, int offset) {
    }

    private static final Case[] CASES = {
        new Case("call_ref in a body", ONE_FUNCTION + "0a0601040014000b", Feature.TYPED_FUNCTION_REFERENCES,
                        "opcode 0x14 call_ref", 23),
        new Case("a (ref null 0) parameter", "0106016001630000", Feature.TYPED_FUNCTION_REFERENCES, "value type (ref null 0)", 13),
        new Case("a (ref func) result", "01060160000164 70", Feature.TYPED_FUNCTION_REFERENCES, "value type (ref func)", 14),
        new Case("ref.null of a type index", ONE_FUNCTION + "0a07010500d0001a0b", Feature.TYPED_FUNCTION_REFERENCES,
                        "heap type 0 of ref.null", 24),
        new Case("a block of type (ref null func)", ONE_FUNCTION + "0a0801060002637 00b0b", Feature.TYPED_FUNCTION_REFERENCES,
                        "value type (ref null func)", 24),
        new Case("a table of (ref null 0)", "0104016000000405016300 0000", Feature.TYPED_FUNCTION_REFERENCES,
                        "value type (ref null 0)", 17),
        new Case("a tag section", "01040160000 00d0301 0000", Feature.EXCEPTION_HANDLING, "tag section", 14),
        new Case("a tag import", "020501000004 00", Feature.EXCEPTION_HANDLING, "tag import", 13),
        new Case("throw in a body", ONE_FUNCTION + "0a06010400 08000b", Feature.EXCEPTION_HANDLING, "opcode 0x08 throw", 23),
        new Case("an exnref local", ONE_FUNCTION + "0a0601040101690b", Feature.EXCEPTION_HANDLING, "value type exnref", 24),
        new Case("a table with an initializer expression", "04090140007000 01d0700b", Feature.TABLE_INITIALIZERS,
                        "table with an initializer expression", 11),
        new Case("a struct type", "010401 5f0000", Feature.GC, "type form 0x5f struct", 11),
        new Case("an anyref global", "0606016e00d06e0b", Feature.GC, "value type anyref", 11),
        new Case("a GC instruction", ONE_FUNCTION + "0a0601040 0fb1a0b", Feature.GC, "opcode 0xfb prefix of the GC instructions", 23),
        new Case("return_call", ONE_FUNCTION + "0a06010400 12000b", Feature.TAIL_CALLS, "opcode 0x12 return_call", 23),
    };

    private static byte[] module(String hexAfterHeader) {
        return HexFormat.of().parseHex((HEADER + hexAfterHeader).replace(" ", ""));
    }

    private static WasmException decodeFails(String hexAfterHeader) {
        return assertThrows(WasmException.class, () -> ModuleDecoder.decode(module(hexAfterHeader)));
    }

    @TestFactory
    Stream<DynamicTest> eachFeatureIsRefusedByNameWithItsOffset() {
        return Stream.of(CASES).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            WasmException e = decodeFails(c.hexAfterHeader());
            assertEquals(Kind.UNSUPPORTED, e.kind(), e.getMessage());
            UnsupportedFeatureException u = assertInstanceOf(UnsupportedFeatureException.class, e);
            assertEquals(c.feature(), u.feature());
            assertEquals(c.offset(), u.byteOffset());
            assertEquals("unsupported feature: " + c.feature().text() + " (" + c.construct() + ") at byte offset " + c.offset(),
                            u.getMessage());
        }));
    }

    @Test
    void bytesOfNoWasm3EncodingStayMalformed() {
        // legacy exception handling's try (0x06) was never standard: an illegal opcode
        WasmException tryOpcode = decodeFails(ONE_FUNCTION + "0a070105 0006400b0b");
        assertEquals(Kind.MALFORMED, tryOpcode.kind());
        assertTrue(tryOpcode.getMessage().startsWith("illegal opcode 06"), tryOpcode.getMessage());
        // value type 0x60 is nothing, and (ref null ...) with a negative heap type that names none is malformed
        assertEquals(Kind.MALFORMED, decodeFails("010501600160 00").kind());
        assertEquals(Kind.MALFORMED, decodeFails("0106016001637f00").kind());
        // section id 14 is malformed; 13, the tag section, is a feature
        assertEquals(Kind.MALFORMED, decodeFails("0e0100").kind());
    }

    @Test
    void anInvalidBodyBeforeAFeatureIsInvalid() {
        // function 0: i64.const 0, i32.eqz (type mismatch); function 1: call_ref 0 in unreachable code
        WasmException e = decodeFails("010401600000 03030200 00 0a0d02 0600420045 1a0b 0400 14000b");
        assertEquals(Kind.INVALID, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("type mismatch"), e.getMessage());
    }

    @Test
    void aFormatErrorAfterAFeatureInTheScannedCodeIsMalformed() {
        // function 0 invalid as above; function 1: call_ref 0, then the illegal opcode 0xff
        WasmException e = decodeFails("010401600000 03030200 00 0a0e02 0600420045 1a0b 0500 1400ff0b");
        assertEquals(Kind.MALFORMED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("illegal opcode ff"), e.getMessage());
    }

    @Test
    void aFeatureOpcodeInAConstantExpressionIsNotConstant() {
        // global i32 = (throw_ref) i32.const 0 end: no constant instruction, whatever an engine implements
        WasmException e = decodeFails("0607017f000a41000b");
        assertEquals(Kind.INVALID, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("constant expression required"), e.getMessage());
    }
}
