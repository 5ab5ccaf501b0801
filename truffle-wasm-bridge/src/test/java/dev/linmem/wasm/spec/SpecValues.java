package dev.linmem.wasm.spec;


import com.fasterxml.jackson.databind.JsonNode;

/** wast2json values: decimal strings of the bit pattern; compared by bits, never by float value. */
final class SpecValues {
    private SpecValues() {
    }

    /** A host reference for {@code ref.extern N}. */
    record ExternRef(long id) {
    }

    static Object parse(JsonNode value) {
        String text = value.get("value").asText();
        return switch (value.get("type").asText()) {
            case "i32" -> (int) Long.parseUnsignedLong(text);
            case "i64" -> Long.parseUnsignedLong(text);
            case "f32" -> Float.intBitsToFloat((int) Long.parseUnsignedLong(text));
            case "f64" -> Double.longBitsToDouble(Long.parseUnsignedLong(text));
            case "externref" -> text.equals("null") ? null : new ExternRef(Long.parseLong(text));
            case "funcref" -> null;
            default -> throw new IllegalArgumentException("value type " + value);
        };
    }

    static boolean matches(JsonNode expected, Object actual) {
        String text = expected.path("value").asText();
        switch (expected.get("type").asText()) {
            case "i32":
                return actual instanceof Integer i && i == (int) Long.parseUnsignedLong(text);
            case "i64":
                return actual instanceof Long l && l == Long.parseUnsignedLong(text);
            case "f32":
                if (!(actual instanceof Float f)) {
                    return false;
                }
                if (text.startsWith("nan:")) {
                    return Float.isNaN(f);
                }
                return Float.floatToRawIntBits(f) == (int) Long.parseUnsignedLong(text);
            case "f64":
                if (!(actual instanceof Double d)) {
                    return false;
                }
                if (text.startsWith("nan:")) {
                    return Double.isNaN(d);
                }
                return Double.doubleToRawLongBits(d) == Long.parseUnsignedLong(text);
            case "externref":
                return text.equals("null") ? actual == null : new ExternRef(Long.parseLong(text)).equals(actual);
            case "funcref":
                return text.equals("null") ? actual == null : actual != null;
            default:
                return false;
        }
    }

    static String describe(Object value) {
        if (value instanceof Float f) {
            return f + " (bits " + Integer.toUnsignedString(Float.floatToRawIntBits(f)) + ")";
        }
        if (value instanceof Double d) {
            return d + " (bits " + Long.toUnsignedString(Double.doubleToRawLongBits(d)) + ")";
        }
        return String.valueOf(value);
    }
}
