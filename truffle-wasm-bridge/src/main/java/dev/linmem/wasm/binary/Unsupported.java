package dev.linmem.wasm.binary;

import dev.linmem.wasm.UnsupportedFeatureException;
import dev.linmem.wasm.UnsupportedFeatureException.Feature;
import dev.linmem.wasm.WasmException;

/**
 * The encodings of WebAssembly 3.0 features linmem does not implement, and their refusals. The
 * decoder asks here whenever it meets a byte it does not decode itself: a byte that belongs to a
 * Wasm 3.0 feature is refused as {@link UnsupportedFeatureException} naming the feature, any other
 * stays malformed. Opcodes outside Wasm 3.0 (the legacy exception-handling {@code try}, {@code
 * catch}, {@code rethrow}, {@code delegate}, {@code catch_all}) are illegal opcodes, not features.
 */
final class Unsupported {

    /** {@code (ref null ht)} and {@code (ref ht)}: a value type with a heap type after it. */
    static final int REF_NULL_TYPE = 0x63;
    static final int REF_TYPE = 0x64;
    /** The encoding of {@code v128}. */
    static final int V128 = 0x7B;
    // Single-byte opcodes of the features, all of whose immediates BodyScanner reads.
    static final int THROW = 0x08;
    static final int THROW_REF = 0x0A;
    static final int RETURN_CALL = 0x12;
    static final int RETURN_CALL_INDIRECT = 0x13;
    static final int CALL_REF = 0x14;
    static final int RETURN_CALL_REF = 0x15;
    static final int TRY_TABLE = 0x1F;
    static final int REF_EQ = 0xD3;
    static final int REF_AS_NON_NULL = 0xD4;
    static final int BR_ON_NULL = 0xD5;
    static final int BR_ON_NON_NULL = 0xD6;
    /** Prefix of the GC instructions. */
    static final int PREFIX_GC = 0xFB;

    private static final int HEAP_FUNC = 0x70;
    private static final int HEAP_EXTERN = 0x6F;

    private Unsupported() {
    }

    static UnsupportedFeatureException refuse(Feature feature, String construct, int offset) {
        return new UnsupportedFeatureException(feature, construct, offset);
    }

    /** The refusal of a Wasm 3.0 opcode (single byte or prefix) linmem does not decode, or null if it is none. */
    static UnsupportedFeatureException opcode(int opcode, int offset) {
        Feature feature = featureOfOpcode(opcode);
        return feature == null ? null : refuse(feature, "opcode 0x" + hex(opcode) + " " + opcodeName(opcode), offset);
    }

    private static Feature featureOfOpcode(int opcode) {
        return switch (opcode) {
            case THROW, THROW_REF, TRY_TABLE -> Feature.EXCEPTION_HANDLING;
            case RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> Feature.TAIL_CALLS;
            case CALL_REF, REF_AS_NON_NULL, BR_ON_NULL, BR_ON_NON_NULL -> Feature.TYPED_FUNCTION_REFERENCES;
            case REF_EQ, PREFIX_GC -> Feature.GC;
            case Opcodes.PREFIX_SIMD -> Feature.SIMD;
            default -> null;
        };
    }

    private static String opcodeName(int opcode) {
        return switch (opcode) {
            case THROW -> "throw";
            case THROW_REF -> "throw_ref";
            case TRY_TABLE -> "try_table";
            case RETURN_CALL -> "return_call";
            case RETURN_CALL_INDIRECT -> "return_call_indirect";
            case RETURN_CALL_REF -> "return_call_ref";
            case CALL_REF -> "call_ref";
            case REF_AS_NON_NULL -> "ref.as_non_null";
            case BR_ON_NULL -> "br_on_null";
            case BR_ON_NON_NULL -> "br_on_non_null";
            case REF_EQ -> "ref.eq";
            case PREFIX_GC -> "prefix of the GC instructions";
            case Opcodes.PREFIX_SIMD -> "prefix of the SIMD instructions";
            default -> throw new IllegalArgumentException("no feature opcode: 0x" + hex(opcode));
        };
    }

    /**
     * True for the single-byte opcodes of features linmem does not implement that are never constant
     * instructions (all but the GC and SIMD prefixes): in a constant expression they make it invalid,
     * whatever an engine implements, so they are not refused there.
     */
    static boolean isNonConstantOpcode(int opcode) {
        return opcode != PREFIX_GC && opcode != Opcodes.PREFIX_SIMD && featureOfOpcode(opcode) != null;
    }

    /**
     * Refuses the value type whose code {@code code} was read at {@code offset}, reading the heap
     * type that follows {@code (ref null ht)} and {@code (ref ht)}; null when the code is no value
     * type of Wasm 3.0 (the caller reports it as malformed).
     */
    static WasmException valueType(CodeReader r, int code, int offset) {
        if (code == REF_NULL_TYPE || code == REF_TYPE) {
            return referenceType(r, code == REF_NULL_TYPE, offset);
        }
        if (code == V128) {
            return refuse(Feature.SIMD, "value type v128", offset);
        }
        String shorthand = shorthandReferenceType(code);
        return shorthand == null ? null : refuse(featureOfAbstractHeapType(code), "value type " + shorthand, offset);
    }

    /** The one-byte reference types of exception handling and GC, by the name of their text format. */
    private static String shorthandReferenceType(int code) {
        return switch (code) {
            case 0x69 -> "exnref";
            case 0x74 -> "nullexnref";
            case 0x71 -> "nullref";
            case 0x72 -> "nullexternref";
            case 0x73 -> "nullfuncref";
            default -> {
                String heapType = abstractHeapType(code);
                yield heapType == null ? null : heapType + "ref";
            }
        };
    }

    /**
     * {@code (ref null ht)} or {@code (ref ht)}: the heap type decides the feature; {@code (ref null
     * func)} is funcref written long, which the interpreter's one-byte block types cannot carry, so
     * it is refused with the typed references it belongs to.
     */
    private static WasmException referenceType(CodeReader r, boolean nullable, int offset) {
        int heapAt = r.position();
        int b = r.peekU8();
        String prefix = nullable ? "(ref null " : "(ref ";
        String abstractType = b == HEAP_FUNC ? "func" : b == HEAP_EXTERN ? "extern" : abstractHeapType(b);
        if (abstractType != null) {
            r.u8();
            Feature feature = b == HEAP_FUNC || b == HEAP_EXTERN ? Feature.TYPED_FUNCTION_REFERENCES : featureOfAbstractHeapType(b);
            return refuse(feature, "value type " + prefix + abstractType + ")", offset);
        }
        long index = r.s33();
        if (index < 0) {
            return WasmException.malformed("malformed heap type", heapAt);
        }
        return refuse(Feature.TYPED_FUNCTION_REFERENCES, "value type " + prefix + index + ")", offset);
    }

    /**
     * Refuses the heap type of {@code ref.null} at the reader's position (anything but func and
     * extern, which the caller handles); malformed when it is no heap type at all.
     */
    static WasmException heapType(CodeReader r, int offset) {
        int at = r.position();
        int b = r.peekU8();
        String abstractType = abstractHeapType(b);
        if (abstractType != null) {
            return refuse(featureOfAbstractHeapType(b), "heap type " + abstractType, at);
        }
        long index = r.s33();
        if (index < 0) {
            return WasmException.malformed("malformed heap type", at);
        }
        return refuse(Feature.TYPED_FUNCTION_REFERENCES, "heap type " + index + " of ref.null", offset);
    }

    /** True for the one-byte heap types of Wasm 3.0: func, extern and those of {@link #abstractHeapType}. */
    static boolean isAbstractHeapType(int code) {
        return code == HEAP_FUNC || code == HEAP_EXTERN || abstractHeapType(code) != null;
    }

    /** The heap types of exception handling (exn, noexn) and GC (any, eq, i31, struct, array, none, noextern, nofunc). */
    private static String abstractHeapType(int code) {
        return switch (code) {
            case 0x69 -> "exn";
            case 0x74 -> "noexn";
            case 0x6E -> "any";
            case 0x6D -> "eq";
            case 0x6C -> "i31";
            case 0x6B -> "struct";
            case 0x6A -> "array";
            case 0x71 -> "none";
            case 0x72 -> "noextern";
            case 0x73 -> "nofunc";
            default -> null;
        };
    }

    private static Feature featureOfAbstractHeapType(int code) {
        return code == 0x69 || code == 0x74 ? Feature.EXCEPTION_HANDLING : Feature.GC;
    }

    /** A type section entry other than a function type: GC's struct, array, sub and rec; null for any other byte. */
    static UnsupportedFeatureException typeForm(int form, int offset) {
        String name = switch (form) {
            case 0x5E -> "array";
            case 0x5F -> "struct";
            case 0x50 -> "sub";
            case 0x4F -> "sub final";
            case 0x4E -> "rec";
            default -> null;
        };
        return name == null ? null : refuse(Feature.GC, "type form 0x" + hex(form) + " " + name, offset);
    }

    static String hex(int b) {
        return String.format("%02x", b);
    }
}
