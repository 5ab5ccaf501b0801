package dev.linmem.fuzz.transcript;

import java.util.List;
import java.util.Map;

/**
 * The kind of a trap, named the same way for both engines: linmem's messages start with the
 * spec's texts, V8 has texts of its own (mapped in the V8 harness). Where V8 merges two spec
 * traps, so does the category: an indirect call of a null entry and one of the wrong type are
 * both {@code indirect-call}; a call through an index past the table is {@code table-oob} like
 * any out-of-bounds table access; and since V8 says "float unrepresentable in integer range"
 * both for a NaN ("invalid conversion to integer") and for a too large value ("integer
 * overflow", which is also the text of a signed division's overflow), all three are
 * {@code int-overflow}.
 */
public final class TrapCategory {
    /** Spec text prefixes, in the order they are tried, and their categories. */
    private static final List<Map.Entry<String, String>> SPEC_TEXTS = List.of(
                    Map.entry("unreachable", "unreachable"),
                    Map.entry("out of bounds memory access", "memory-oob"),
                    Map.entry("integer divide by zero", "div-by-zero"),
                    Map.entry("integer overflow", "int-overflow"),
                    Map.entry("invalid conversion to integer", "int-overflow"),
                    Map.entry("undefined element", "table-oob"),
                    Map.entry("out of bounds table access", "table-oob"),
                    Map.entry("uninitialized element", "indirect-call"),
                    Map.entry("indirect call type mismatch", "indirect-call"),
                    Map.entry("unaligned atomic", "unaligned-atomic"));

    private TrapCategory() {
    }

    /** The category of a linmem trap message; {@code other:<message>} when it is none of the spec's. */
    public static String ofLinmemMessage(String message) {
        String text = message == null ? "" : message;
        for (Map.Entry<String, String> entry : SPEC_TEXTS) {
            if (text.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "other:" + text;
    }
}
