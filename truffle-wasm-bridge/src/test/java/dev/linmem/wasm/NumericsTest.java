package dev.linmem.wasm;

import static dev.linmem.wasm.TestModules.assertFails;
import static dev.linmem.wasm.TestModules.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.linmem.wasm.WasmException.Kind;

/** Integer and float edge cases of numerics.wat; floats are compared by their bit patterns. */
class NumericsTest {
    private static WasmEngine engine;
    private static WasmInstance m;

    @BeforeAll
    static void instantiate() {
        engine = WasmEngine.create();
        m = TestModules.instantiate(engine, "numerics");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static int f32Bits(Object value) {
        return Float.floatToRawIntBits((Float) value);
    }

    private static long f64Bits(Object value) {
        return Double.doubleToRawLongBits((Double) value);
    }

    @Test
    void integerDivisionTrapsAndRounding() {
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i32.div_s", Integer.MIN_VALUE, -1));
        assertFails(Kind.TRAP, "integer divide by zero", () -> m.invoke("i32.div_s", 1, 0));
        assertFails(Kind.TRAP, "integer divide by zero", () -> m.invoke("i32.rem_u", 1, 0));
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i64.div_s", Long.MIN_VALUE, -1L));
        assertEquals(-3, one(m, "i32.div_s", -7, 2));
        assertEquals(-1, one(m, "i32.rem_s", -7, 2));
        assertEquals(0, one(m, "i32.rem_s", Integer.MIN_VALUE, -1));
        assertEquals(0x7fffffff, one(m, "i32.div_u", -1, 2));
        assertEquals(0, one(m, "i32.rem_u", -1, 3));
        assertEquals(Long.MAX_VALUE, one(m, "i64.div_u", -1L, 2L));
        assertEquals(0L, one(m, "i64.rem_s", Long.MIN_VALUE, -1L));
    }

    @Test
    void bitOperations() {
        assertEquals(3, one(m, "i32.rotl", 0x80000001, 1));
        assertEquals(Long.MIN_VALUE, one(m, "i64.rotr", 1L, 1L));
        assertEquals(2, one(m, "i32.shl", 1, 33), "shift counts are taken modulo the width");
        assertEquals(Long.MAX_VALUE, one(m, "i64.shr_u", -1L, 65L));
        assertEquals(32, one(m, "i32.clz", 0));
        assertEquals(64L, one(m, "i64.ctz", 0L));
        assertEquals(64L, one(m, "i64.popcnt", -1L));
        assertEquals(0, one(m, "i32.lt_u", -1, 1));
        assertEquals(1, one(m, "i64.ge_u", -1L, 0L));
        assertEquals(-128, one(m, "i32.extend8_s", 0x80));
        assertEquals(-2147483648L, one(m, "i64.extend32_s", 0x80000000L));
        assertEquals(4294967295L, one(m, "i64.extend_i32_u", -1));
        assertEquals(5, one(m, "i32.wrap_i64", 0x1_0000_0005L));
    }

    @Test
    void trappingTruncation() {
        assertEquals(Integer.MIN_VALUE, one(m, "i32.trunc_f32_s", -2147483648f));
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i32.trunc_f32_s", 2147483648f));
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i32.trunc_f32_s", -2147483904f));
        assertFails(Kind.TRAP, "invalid conversion to integer", () -> m.invoke("i32.trunc_f32_s", Float.NaN));
        assertEquals(0, one(m, "i32.trunc_f64_u", -0.9));
        assertEquals(-1, one(m, "i32.trunc_f64_u", 4294967295.9));
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i32.trunc_f64_u", 4294967296.0));
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i32.trunc_f64_u", -1.0));
        assertEquals(Long.MIN_VALUE, one(m, "i64.trunc_f64_s", -9.223372036854775808E18));
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i64.trunc_f64_s", 9.223372036854775808E18));
        assertEquals(-1099511627776L, one(m, "i64.trunc_f32_u", Float.intBitsToFloat(0x5f7fffff)), "largest float below 2^64");
        assertFails(Kind.TRAP, "integer overflow", () -> m.invoke("i64.trunc_f32_u", 1.8446744e19f));
    }

    @Test
    void saturatingTruncation() {
        assertEquals(0, one(m, "i32.trunc_sat_f32_u", -1.0f));
        assertEquals(0, one(m, "i32.trunc_sat_f32_u", Float.NaN));
        assertEquals(-1, one(m, "i32.trunc_sat_f32_u", 5e9f));
        assertEquals(Long.MAX_VALUE, one(m, "i64.trunc_sat_f64_s", 1e300));
        assertEquals(Long.MIN_VALUE, one(m, "i64.trunc_sat_f64_s", Double.NEGATIVE_INFINITY));
        assertEquals(0L, one(m, "i64.trunc_sat_f64_s", Double.NaN));
        assertEquals(-1L, one(m, "i64.trunc_sat_f64_u", 1.8446744073709552E19));
        assertEquals(Long.MIN_VALUE, one(m, "i64.trunc_sat_f64_u", 9.223372036854775808E18));
    }

    @Test
    void unsignedConversionRoundsToNearestEven() {
        assertEquals(f32Bits(1.8446744e19f), f32Bits(one(m, "f32.convert_i64_u", -1L)));
        assertEquals(f64Bits(1.8446744073709552E19), f64Bits(one(m, "f64.convert_i64_u", -1L)));
        assertEquals(f64Bits(9.223372036854775808E18), f64Bits(one(m, "f64.convert_i64_u", 0x8000000000000400L)), "tie rounds to even");
        assertEquals(f64Bits(9.223372036854777856E18), f64Bits(one(m, "f64.convert_i64_u", 0x8000000000000401L)), "sticky bit rounds up");
        assertEquals(f32Bits(4.2949673E9f), f32Bits(one(m, "f32.convert_i32_u", -1)));
        assertEquals(f32Bits(Float.POSITIVE_INFINITY), f32Bits(one(m, "f32.demote_f64", 1e300)));
    }

    @Test
    void floatMinMaxNearestTrunc() {
        assertEquals(0x80000000, f32Bits(one(m, "f32.min", -0f, 0f)));
        assertEquals(0L, f64Bits(one(m, "f64.max", -0.0, 0.0)));
        assertTrue(Float.isNaN((Float) one(m, "f32.min", Float.NaN, 1f)));
        assertEquals(f32Bits(2.0f), f32Bits(one(m, "f32.nearest", 2.5f)));
        assertEquals(0x80000000, f32Bits(one(m, "f32.nearest", -0.5f)));
        assertEquals(f64Bits(4.0), f64Bits(one(m, "f64.nearest", 3.5)));
        assertEquals(0x8000000000000000L, f64Bits(one(m, "f64.trunc", -0.7)));
        assertEquals(f32Bits(1.4142135f), f32Bits(one(m, "f32.sqrt", 2f)));
        assertEquals(f64Bits(Double.POSITIVE_INFINITY), f64Bits(one(m, "f64.div", 1.0, 0.0)));
        assertEquals(0, one(m, "f32.eq", Float.NaN, Float.NaN));
        assertEquals(1, one(m, "f64.ne", Double.NaN, Double.NaN));
    }

    @Test
    void signOperationsKeepNaNPayloads() {
        assertEquals(f32Bits(-1f), f32Bits(one(m, "f32.copysign", 1f, -0f)));
        assertEquals(f32Bits(-2f), f32Bits(one(m, "f32.copysign", 2f, Float.intBitsToFloat(0xffc00000))));
        assertEquals(0xffc00001, f32Bits(one(m, "f32.neg", Float.intBitsToFloat(0x7fc00001))));
        assertEquals(0x7ff8000000000001L, f64Bits(one(m, "f64.abs", Double.longBitsToDouble(0xfff8000000000001L))));
        assertEquals(0x7fa00001, one(m, "f32.const_nan_payload"), "a signalling NaN constant keeps its bits");
        assertEquals(0x7ff4000000000001L, f64Bits(one(m, "f64.reinterpret_i64", 0x7ff4000000000001L)));
    }
}
