package dev.linmem.wasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wast2json values are bit patterns: the runner must compare bits, not numbers. */
class SpecValueTest {

    @Test
    void integersAreUnsignedDecimalBitPatterns() {
        assertEquals(-1, new SpecValue("i32", "4294967295").toArgument());
        assertEquals(Long.MIN_VALUE, new SpecValue("i64", "9223372036854775808").toArgument());
        assertTrue(new SpecValue("i64", "18446744073709551615").matches(-1L));
        assertFalse(new SpecValue("i32", "1").matches(1L), "an i64 result is not an i32 one");
    }

    @Test
    void floatsCompareByBitsSoNanPayloadsAndSignedZerosCount() {
        SpecValue negativeZero = new SpecValue("f32", Integer.toUnsignedString(0x8000_0000));
        assertTrue(negativeZero.matches(-0.0f));
        assertFalse(negativeZero.matches(0.0f));
        SpecValue payloadNan = new SpecValue("f64", Long.toUnsignedString(0x7ff0_0000_0000_0001L));
        assertTrue(payloadNan.matches(Double.longBitsToDouble(0x7ff0_0000_0000_0001L)));
        assertFalse(payloadNan.matches(Double.NaN));
        assertTrue(new SpecValue("f32", "nan:canonical").matches(Float.intBitsToFloat(0xffc0_0000)));
        assertFalse(new SpecValue("f32", "nan:canonical").matches(Float.intBitsToFloat(0x7fc0_0001)));
        assertTrue(new SpecValue("f64", "nan:arithmetic").matches(Double.longBitsToDouble(0x7ff8_0000_0000_0001L)));
    }

    @Test
    void nullReferencesAreJavaNullAndOtherValuesAreUnsupported() {
        assertNull(new SpecValue("externref", "null").toArgument());
        assertTrue(new SpecValue("funcref", "null").matches(null));
        assertThrows(SpecValue.UnsupportedValueException.class, () -> new SpecValue("externref", "1").toArgument());
        assertThrows(SpecValue.UnsupportedValueException.class, () -> new SpecValue("v128", "0").checkSupported());
    }

    @Test
    void scriptsKeepEveryFieldTheRunnerNeeds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, """
                {"commands": [
                 {"type": "module", "definition": "true", "line": 8, "filename": "s.0.wasm", "name": "$M"},
                 {"type": "register", "line": 9, "name": "$M", "as": "m"},
                 {"type": "assert_return", "line": 10, "action": {"type": "get", "module": "$M", "field": "g"},
                  "expected": [{"type": "i64", "value": "7"}]},
                 {"type": "assert_invalid", "line": 11, "filename": "s.1.wat", "text": "type mismatch", "module_type": "text"}
                ]}
                """);
        SpecScript script = SpecScript.load(file);
        SpecCommand module = script.commands().get(0);
        assertTrue(module.definition());
        assertEquals(dir.resolve("s.0.wasm"), script.moduleFile(module));
        assertEquals("m", script.commands().get(1).as());
        assertEquals("line 10: assert_return get $M.g = i64:7", script.commands().get(2).toString());
        assertTrue(script.commands().get(3).isTextModule());
    }

    @Test
    void aJsonFileWithoutCommandsIsNoScript(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("package.json");
        Files.writeString(file, "{\"name\": \"x\"}");
        assertThrows(IOException.class, () -> SpecScript.load(file));
    }
}
