package dev.linmem.wasm;

/**
 * A module that uses a WebAssembly 3.0 feature linmem does not implement, refused when it is
 * decoded (kind {@link WasmException.Kind#UNSUPPORTED}). The module is not malformed and maybe not
 * invalid: an engine with the feature might run it. So the spec runner counts the commands that
 * depend on such a module as skipped for {@link #feature()}, never as passed or failed.
 *
 * <p>The message names the feature, the construct that uses it and where:
 * {@code unsupported feature: typed function references (opcode 0x14 call_ref) at byte offset 308}.
 */
public final class UnsupportedFeatureException extends WasmException {

    private static final long serialVersionUID = 1L;

    /** The WebAssembly 3.0 features linmem refuses. */
    public enum Feature {
        /** Typed references {@code (ref $t)}, {@code (ref null $t)}, non-null references, call_ref, br_on_null. */
        TYPED_FUNCTION_REFERENCES("typed function references"),
        /** Tags, throw, throw_ref, try_table, exnref. */
        EXCEPTION_HANDLING("exception handling"),
        /** Tables with an initializer expression ({@code 0x40 0x00} before the table type). */
        TABLE_INITIALIZERS("table initializer expressions"),
        /** Struct, array and recursive types, their heap types (any, eq, i31, ...) and instructions. */
        GC("GC types"),
        /** return_call, return_call_indirect, return_call_ref. */
        TAIL_CALLS("tail calls"),
        /** v128 and the 0xFD instructions. */
        SIMD("SIMD");

        private final String text;

        Feature(String text) {
            this.text = text;
        }

        /** The feature's name in messages: {@code typed function references}. */
        public String text() {
            return text;
        }
    }

    private final Feature feature;

    /**
     * @param feature    the feature the module uses
     * @param construct  what uses it, for example {@code opcode 0x14 call_ref} or {@code value type exnref}
     * @param byteOffset where in the binary the construct starts
     */
    public UnsupportedFeatureException(Feature feature, String construct, long byteOffset) {
        super(Kind.UNSUPPORTED, "unsupported feature: " + feature.text() + " (" + construct + ") at byte offset " + byteOffset,
                        byteOffset, null);
        this.feature = feature;
    }

    public Feature feature() {
        return feature;
    }
}
