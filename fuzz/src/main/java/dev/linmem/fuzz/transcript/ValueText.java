package dev.linmem.fuzz.transcript;

import dev.linmem.wasm.module.ValType;

/**
 * How a wasm value is written in a transcript, identically by both engines: {@code i32:-5},
 * {@code i64:42}, floats as their bit pattern ({@code f32:0x3f800000}, {@code f64:0x...}) except
 * NaNs, which are all {@code f32:nan} / {@code f64:nan} (wasm lets a NaN's sign and payload differ
 * between engines), and references only as null or not ({@code funcref:null},
 * {@code funcref:func}, {@code externref:extern}): no two engines can name a reference alike.
 */
public final class ValueText {
    private ValueText() {
    }

    /** The text of a value in the bridge's internal representation (numbers as Long raw bits). */
    public static String of(ValType type, Object internal) {
        return switch (type) {
            case I32 -> "i32:" + (int) (long) (Long) internal;
            case I64 -> "i64:" + (long) (Long) internal;
            case F32 -> f32((int) (long) (Long) internal);
            case F64 -> f64((Long) internal);
            case FUNCREF -> internal == null ? "funcref:null" : "funcref:func";
            case EXTERNREF -> internal == null ? "externref:null" : "externref:extern";
        };
    }

    static String f32(int bits) {
        return Float.isNaN(Float.intBitsToFloat(bits)) ? "f32:nan" : String.format("f32:0x%08x", bits);
    }

    static String f64(long bits) {
        return Double.isNaN(Double.longBitsToDouble(bits)) ? "f64:nan" : String.format("f64:0x%016x", bits);
    }
}
