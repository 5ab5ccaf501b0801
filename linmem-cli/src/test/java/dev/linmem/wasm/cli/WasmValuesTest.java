package dev.linmem.wasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linmem.wasm.module.ValType;
import org.junit.jupiter.api.Test;

/** Command-line values: the ranges of wat's integer literals, decimal floats, nan and inf. */
class WasmValuesTest {

    @Test
    void integersTakeSignedUnsignedAndHex() {
        assertEquals(-1, WasmValues.parse("4294967295", ValType.I32));
        assertEquals(Integer.MIN_VALUE, WasmValues.parse("-2147483648", ValType.I32));
        assertEquals(0x7f, WasmValues.parse("0x7F", ValType.I32));
        assertEquals(-16, WasmValues.parse("-0x10", ValType.I32));
        assertEquals(-1L, WasmValues.parse("0xffffffffffffffff", ValType.I64));
        assertEquals(Long.MIN_VALUE, WasmValues.parse("-9223372036854775808", ValType.I64));
        assertEquals(-1L, WasmValues.parse("18446744073709551615", ValType.I64));
    }

    @Test
    void integersOutOfRangeOrNotNumbersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("4294967296", ValType.I32));
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("-2147483649", ValType.I32));
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("0x1_0000_0000", ValType.I32));
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("18446744073709551616", ValType.I64));
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("-9223372036854775809", ValType.I64));
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("1.5", ValType.I32));
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("", ValType.I64));
    }

    @Test
    void floatsTakeDecimalNanAndInf() {
        assertEquals(0.1f, WasmValues.parse("0.1", ValType.F32));
        assertEquals(-2.5e-3, WasmValues.parse("-2.5e-3", ValType.F64));
        assertEquals(Float.NEGATIVE_INFINITY, WasmValues.parse("-inf", ValType.F32));
        assertEquals(Double.POSITIVE_INFINITY, WasmValues.parse("inf", ValType.F64));
        assertTrue(((Double) WasmValues.parse("nan", ValType.F64)).isNaN());
        assertTrue(((Float) WasmValues.parse("NaN", ValType.F32)).isNaN());
        // Java's parser would take these; the command line does not.
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("1f", ValType.F32));
        assertThrows(IllegalArgumentException.class, () -> WasmValues.parse("0x1p3", ValType.F64));
    }

    @Test
    void resultsAreFormattedLikeTheTextFormat() {
        assertEquals("-1", WasmValues.format(-1));
        assertEquals("nan", WasmValues.format(Float.NaN));
        assertEquals("-inf", WasmValues.format(Double.NEGATIVE_INFINITY));
        assertEquals("1.5", WasmValues.format(1.5));
    }
}
