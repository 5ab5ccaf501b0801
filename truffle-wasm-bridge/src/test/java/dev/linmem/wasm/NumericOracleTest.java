package dev.linmem.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import dev.linmem.wasm.module.ValType;

/**
 * Every numeric instruction over a matrix of edge values, against results V8 computed (see
 * src/test/oracle: generate.py builds the module, oracle.mjs ran it on Node). Floats cross as bit
 * patterns and are compared bit for bit, except NaN results of arithmetic, where wasm allows any
 * arithmetic NaN (quiet bit set), and a canonical NaN when no operand was a non-canonical NaN.
 */
class NumericOracleTest {
    @Test
    void everyNumericInstructionMatchesV8() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (WasmEngine engine = WasmEngine.create()) {
            WasmInstance m = TestModules.instantiate(engine, "numeric-ops");
            Map<String, List<ValType>> params = new HashMap<>();
            m.exports().forEach(e -> params.put(e.name(), e.params()));
            for (String line : expectations()) {
                checked++;
                String problem = check(m, params, line);
                if (problem != null && mismatches.size() < 40) {
                    mismatches.add(line + "  ->  " + problem);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), checked + " calls, mismatches:\n" + String.join("\n", mismatches));
    }

    private static List<String> expectations() throws IOException {
        try (var in = new GZIPInputStream(NumericOracleTest.class.getResourceAsStream("numeric-ops.expected.txt.gz"));
                        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Null when the engine agrees with the expectation, else what it did instead. */
    private static String check(WasmInstance m, Map<String, List<ValType>> params, String line) {
        boolean traps = line.contains(" ! ");
        String[] parts = line.split(traps ? " ! " : " = ", 2);
        String[] head = parts[0].split(" ");
        String op = head[0];
        String resultType = head[1];
        List<ValType> types = params.get(op);
        Object[] args = new Object[head.length - 2];
        for (int i = 0; i < args.length; i++) {
            long bits = Long.parseUnsignedLong(head[i + 2]);
            args[i] = types.get(i) == ValType.I32 ? (Object) (int) bits : (Object) bits;
        }
        Object[] results;
        try {
            results = m.invoke(op, args);
        } catch (WasmException e) {
            String expected = traps ? specTrapText(parts[1], op, head) : null;
            return expected != null && e.kind() == WasmException.Kind.TRAP && e.getMessage().startsWith(expected) ? null : e.kind() + " " + e.getMessage();
        }
        long actual = results[0] instanceof Integer i ? Integer.toUnsignedLong(i) : (Long) results[0];
        if (traps) {
            return "returned " + Long.toUnsignedString(actual);
        }
        long expected = Long.parseUnsignedLong(parts[1]);
        return sameResult(op, resultType, head, expected, actual) ? null : "got " + Long.toUnsignedString(actual);
    }

    /** V8's trap messages in the spec's words. */
    private static String specTrapText(String v8Message, String op, String[] head) {
        if (v8Message.contains("by zero")) {
            return "integer divide by zero";
        }
        if (v8Message.contains("divide result unrepresentable")) {
            return "integer overflow";
        }
        if (v8Message.contains("float unrepresentable")) {
            long bits = Long.parseUnsignedLong(head[2]);
            boolean nan = op.contains("_f32") ? Float.isNaN(Float.intBitsToFloat((int) bits)) : Double.isNaN(Double.longBitsToDouble(bits));
            return nan ? "invalid conversion to integer" : "integer overflow";
        }
        return null;
    }

    private static boolean sameResult(String op, String resultType, String[] head, long expected, long actual) {
        if (expected == actual) {
            return true;
        }
        boolean exactBits = op.endsWith(".abs") || op.endsWith(".neg") || op.endsWith(".copysign") || op.contains("reinterpret");
        if (exactBits) {
            return false;
        }
        if (resultType.equals("f32") && isNaN32(expected)) {
            return isNaN32(actual) && (actual & 0x0040_0000L) != 0 && (!allOperandNaNsCanonical(op, head) || (actual & 0x7fff_ffffL) == 0x7fc0_0000L);
        }
        if (resultType.equals("f64") && isNaN64(expected)) {
            return isNaN64(actual) && (actual & 0x0008_0000_0000_0000L) != 0
                            && (!allOperandNaNsCanonical(op, head) || (actual & 0x7fff_ffff_ffff_ffffL) == 0x7ff8_0000_0000_0000L);
        }
        return false;
    }

    private static boolean isNaN32(long bits) {
        return Float.isNaN(Float.intBitsToFloat((int) bits));
    }

    private static boolean isNaN64(long bits) {
        return Double.isNaN(Double.longBitsToDouble(bits));
    }

    /** True when no float operand is a NaN other than a canonical one (then the result NaN must be canonical). */
    private static boolean allOperandNaNsCanonical(String op, String[] head) {
        boolean f32Operands = op.startsWith("f32.") && !op.contains("_f64") && !op.contains("_i") || op.contains("_f32");
        boolean f64Operands = op.startsWith("f64.") && !op.contains("_f32") && !op.contains("_i") || op.contains("_f64");
        for (int i = 2; i < head.length; i++) {
            long bits = Long.parseUnsignedLong(head[i]);
            if (f32Operands && isNaN32(bits) && (bits & 0x7fff_ffffL) != 0x7fc0_0000L) {
                return false;
            }
            if (f64Operands && isNaN64(bits) && (bits & 0x7fff_ffff_ffff_ffffL) != 0x7ff8_0000_0000_0000L) {
                return false;
            }
        }
        return true;
    }
}
